using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Wharf.Core.Api;

namespace Wharf.Server.Tests.Infrastructure;

/// <summary>
/// The real server on a real SQLite file in a fresh temporary data directory. The directory reaches the server
/// as the setting WHARF_DATA, which the test host hands to Program as --WHARF_DATA=DIR, so the same path that
/// reads `--data` is exercised; the user's ~/.local/share/wharf is never touched.
/// </summary>
public sealed class WharfServerFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "wharf-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>False to look at (or reuse) the data directory after the server has stopped.</summary>
    public bool DeleteDataDirectoryOnDispose { get; init; } = true;

    public CapturedLogs Logs { get; } = new();

    /// <summary>True for the few tests about the router's supervision; everything else runs with --no-router.</summary>
    public bool StartRouter { get; init; }

    /// <summary>Extra settings for the server, as `--KEY=VALUE` would give them.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>Replaces services after the server registered its own (hand-written fakes).</summary>
    public Action<IServiceCollection>? ReplaceServices { get; init; }

    /// <summary>The contents of DATA/admin.token, read once the server has made it.</summary>
    public string AdminToken
    {
        get
        {
            _ = Services;
            return File.ReadAllText(Path.Combine(DataDirectory, "admin.token")).Trim();
        }
    }

    public HttpClient ClientWith(string? token)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public HttpClient AdminClient() => ClientWith(AdminToken);

    /// <summary>Mints a token through the API, as an admin would, and returns a client that uses it.</summary>
    public async Task<HttpClient> ClientForNewTokenAsync(string role, string? name = null)
    {
        using var admin = AdminClient();
        var response = await admin.PostAsJsonAsync("/v1/tokens", new CreateTokenRequest(name ?? $"{role}-{Guid.NewGuid():N}"[..20], role));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenInfo>();
        return ClientWith(token!.Secret);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(ServerSettings.DataVariable, DataDirectory);

        // The test server never listens; port 0 also keeps the start-up check off the real default port.
        builder.UseSetting(ServerSettings.ApiUrlVariable, "http://127.0.0.1:0");
        if (!StartRouter)
        {
            builder.UseSetting(ServerSettings.RouterVariable, ServerSettings.NoRouter);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (ReplaceServices is { } replace)
        {
            builder.ConfigureTestServices(replace);
        }

        // A rule for this provider beats the server's own category filters, so every level of every category is
        // captured: what the canary test checks is everything the server could ever be configured to log.
        builder.ConfigureLogging(logging => logging
            .SetMinimumLevel(LogLevel.Trace)
            .AddFilter<CapturingLoggerProvider>(category: null, LogLevel.Trace)
            .AddProvider(new CapturingLoggerProvider(Logs)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && DeleteDataDirectoryOnDispose && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
