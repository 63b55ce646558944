using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Wharf.Core.Api;
using Wharf.Core.Runtime;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Resources;

/// <summary>A real server over a data directory that may outlive it, with the calls the resource tests make.</summary>
public sealed class ResourceServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    /// <param name="deleteData">Delete the data directory when this server stops (false: another server reuses it).</param>
    public ResourceServer(string dataDirectory, bool deleteData = false)
    {
        Factory = new WharfServerFactory { DataDirectory = dataDirectory, DeleteDataDirectoryOnDispose = deleteData };
        Admin = Factory.AdminClient();
        Admin.Timeout = TimeSpan.FromMinutes(5);
    }

    /// <summary>A server over a fresh data directory of its own, deleted when it stops.</summary>
    public static ResourceServer Fresh() => new(Path.Combine(Path.GetTempPath(), "wharf-tests-" + Guid.NewGuid().ToString("N")), deleteData: true);

    public WharfServerFactory Factory { get; }

    public HttpClient Admin { get; }

    public IProcessRuntime Runtime => Factory.Services.GetRequiredService<IProcessRuntime>();

    /// <summary>Uploads the source, follows the deployment to its end and answers it with its log.</summary>
    public async Task<(DeploymentInfo Deployment, List<string> Log)> DeployAsync(string app, byte[] tar)
    {
        using var content = new ByteArrayContent(tar);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        content.Headers.Add("X-Wharf-Context-Digest", "sha256:" + Convert.ToHexStringLower(SHA256.HashData(tar)));
        var started = await HttpAssert.OkAsync<DeploymentInfo>(await Admin.PostAsync($"/v1/apps/{app}/deployments", content), HttpStatusCode.Accepted);
        return await FollowAsync(app, started.Id);
    }

    public async Task<(DeploymentInfo Deployment, List<string> Log)> FollowAsync(string app, int id)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var response = await Admin.GetAsync($"/v1/apps/{app}/deployments/{id}/log?follow=true", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        var lines = new List<string>();
        while (await reader.ReadLineAsync(cts.Token) is { } line)
        {
            lines.Add(line);
        }

        return (await HttpAssert.OkAsync<DeploymentInfo>(await Admin.GetAsync($"/v1/apps/{app}/deployments/{id}", cts.Token)), lines);
    }

    /// <summary>The running service process of the release (the newest, should there be two for a moment).</summary>
    public async Task<RuntimeProcess> ProcessAsync(string app, int release, string service = "web")
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var process = (await Runtime.ListAsync(app))
                .Where(p => p.Release == release && p.Service == service && p.Kind == ProcessKind.Service && p.State == ProcessState.Running)
                .MaxBy(p => p.CreatedAt);
            if (process is not null)
            {
                return process;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No running {service} process of release {release} of {app} within 30 s.");
            await Task.Delay(250);
        }
    }

    public async Task<List<ResourceInfo>> ResourcesAsync(string app) =>
        await HttpAssert.OkAsync<List<ResourceInfo>>(await Admin.GetAsync($"/v1/apps/{app}/resources"));

    public async Task<ResourceInfo> ResourceAsync(string app, string name) =>
        await HttpAssert.OkAsync<ResourceInfo>(await Admin.GetAsync($"/v1/apps/{app}/resources/{name}"));

    /// <summary>Runs the resource's console with <paramref name="stdin"/>; answers stdout, stderr and the exit code.</summary>
    public async Task<(string Stdout, string Stderr, int? Exit)> ConsoleAsync(string app, string name, string stdin)
    {
        using var content = new StringContent(stdin, Encoding.UTF8, "application/octet-stream");
        using var response = await Admin.PostAsync($"/v1/apps/{app}/resources/{name}/console", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var events = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<ProcessStreamEvent>(l, _json)!).ToList();
        Assert.DoesNotContain(events, e => e.Type == ProcessStreamEvent.ErrorType);
        string Lines(string stream) => string.Join('\n', events.Where(e => e.Type == ProcessStreamEvent.OutputType && e.Stream == stream).Select(e => e.Text));
        return (Lines("stdout"), Lines("stderr"), events.LastOrDefault(e => e.Type == ProcessStreamEvent.ExitType)?.Code);
    }

    public async Task<byte[]> ExportAsync(string app, string name)
    {
        using var response = await Admin.GetAsync($"/v1/apps/{app}/resources/{name}/export");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, Encoding.UTF8.GetString(bytes));
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        return bytes;
    }

    public async Task<HttpResponseMessage> ImportAsync(string app, string name, byte[] dump)
    {
        using var content = new ByteArrayContent(dump);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await Admin.PostAsync($"/v1/apps/{app}/resources/{name}/import", content);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
    }
}
