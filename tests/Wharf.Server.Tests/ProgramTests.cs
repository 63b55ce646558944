using System.Diagnostics;
using System.Net.Http.Json;

namespace Wharf.Server.Tests;

/// <summary>The server as a process, the way `dotnet run --project src/Wharf.Server -- --data DIR` starts it.</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task Main_BadFlagsAndOptions_ExitsOneWithSentencesAndNoStackTrace()
    {
        using var process = Start("--dta", "/nowhere", "--api", "ftp://bad");

        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("wharf server cannot start (2 problems):", stderr, StringComparison.Ordinal);
        Assert.Contains("Unknown argument '--dta'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_InvalidOptions_ListsEveryProblem()
    {
        using var process = Start("--data", Path.GetTempPath(), "--api", "ftp://bad", "--router", "nope", "--Storage:State=mysql");

        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("wharf server cannot start (3 problems):", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_RouterWithBadArguments_ExitsOneWithRouterSentences()
    {
        using var process = Start("router", "--data", Path.GetTempPath(), "--http", "ftp://nope", "--redirect-https");

        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("wharf router cannot start (2 problems):", stderr, StringComparison.Ordinal);
        Assert.Contains("--http 'ftp://nope' is not a http:// address", stderr, StringComparison.Ordinal);
        Assert.Contains("--redirect-https needs an HTTPS listener", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_DataAndApiFlags_ServesHealthFromThatDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "wharf-tests-" + Guid.NewGuid().ToString("N"));
        var url = $"http://127.0.0.1:{FreePort()}";
        using var process = Start("--data", directory, "--api", url, "--no-router");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            Dictionary<string, string>? health = null;
            while (health is null)
            {
                if (process.HasExited)
                {
                    Assert.Fail($"The server exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
                }

                try
                {
                    health = await http.GetFromJsonAsync<Dictionary<string, string>>("/health");
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(200);
                }
            }

            Assert.Equal("ok", health["status"]);
            Assert.True(File.Exists(Path.Combine(directory, "admin.token")));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = false,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The child must not pick up a developer's own storage choice.
        foreach (var variable in new[] { "WHARF_DATA", "WHARF_API_URL", "WHARF_ROUTER", "WHARF_ROUTER_URL", "WHARF_STATE", "WHARF_BLOBS", "WHARF_KEYS" })
        {
            info.Environment.Remove(variable);
        }

        return Process.Start(info)!;
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
