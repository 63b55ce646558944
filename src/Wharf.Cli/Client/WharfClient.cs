using Wharf.Cli.Config;
using Wharf.Core.Api;
using Wharf.Core.Deployments;

namespace Wharf.Cli.Client;

/// <summary>One typed method per route of the v1 API (src/Wharf.Core/Api/ApiRoutes.md).</summary>
internal sealed partial class WharfClient(ApiTransport transport) : IDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);

    public Uri Url => transport.Url;

    /// <remarks>
    /// The HttpClient itself has no time limit, since uploads and followed logs last as long as they last;
    /// the transport limits each ordinary request instead, and a server that never accepts fails fast.
    /// </remarks>
    public static WharfClient Create(Connection connection)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) };
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        return new(new ApiTransport(http, connection.Url, connection.Token, _timeout));
    }

    public void Dispose() => transport.Dispose();

    public Task<WhoAmI> WhoAmIAsync(CancellationToken ct) =>
        transport.SendAsync<WhoAmI>(HttpMethod.Get, "v1/whoami", null, ct);

    public Task<List<AppInfo>> ListAppsAsync(CancellationToken ct) =>
        transport.SendAsync<List<AppInfo>>(HttpMethod.Get, "v1/apps", null, ct);

    public Task<AppInfo> CreateAppAsync(string name, CancellationToken ct) =>
        transport.SendAsync<AppInfo>(HttpMethod.Post, "v1/apps", ApiJson.Content(new CreateAppRequest(name)), ct);

    public Task<AppInfo> GetAppAsync(string app, CancellationToken ct) =>
        transport.SendAsync<AppInfo>(HttpMethod.Get, AppPath(app), null, ct);

    /// <summary>Fails as <see cref="GetAppAsync"/> does when the app does not exist; does not read its answer.</summary>
    public Task RequireAppAsync(string app, CancellationToken ct) =>
        transport.SendAsync(HttpMethod.Get, AppPath(app), null, ct);

    public Task DeleteAppAsync(string app, CancellationToken ct) =>
        transport.SendAsync(HttpMethod.Delete, AppPath(app), null, ct);

    /// <summary>Deletes the app; its resources' containers go, their data volumes stay when <paramref name="keepData"/>.</summary>
    public async Task DeleteAppAsync(string app, bool keepData, CancellationToken ct)
    {
        // Stopping the resources waits out their grace, so no time limit here.
        using var response = await transport.OpenAsync(HttpMethod.Delete, $"{AppPath(app)}{(keepData ? "?keepData=true" : "")}", null, null, ct);
    }

    public Task<List<ResourceInfo>> ListResourcesAsync(string app, CancellationToken ct) =>
        transport.SendAsync<List<ResourceInfo>>(HttpMethod.Get, $"{AppPath(app)}/resources", null, ct);

    public Task<ResourceInfo> GetResourceAsync(string app, string name, CancellationToken ct) =>
        transport.SendAsync<ResourceInfo>(HttpMethod.Get, ResourcePath(app, name), null, ct);

    public Task<ResourceUrlInfo> GetResourceUrlAsync(string app, string name, CancellationToken ct) =>
        transport.SendAsync<ResourceUrlInfo>(HttpMethod.Get, $"{ResourcePath(app, name)}/url", null, ct);

    /// <summary>Runs the resource's client with <paramref name="stdin"/>: a stream of <see cref="ProcessStreamEvent"/> lines.</summary>
    public Task<HttpResponseMessage> OpenResourceConsoleAsync(string app, string name, HttpContent stdin, CancellationToken ct) =>
        transport.OpenAsync(HttpMethod.Post, $"{ResourcePath(app, name)}/console", stdin, null, ct);

    /// <summary>The dump as a stream; a transfer cut off before its end means the dump failed.</summary>
    public Task<HttpResponseMessage> OpenResourceExportAsync(string app, string name, CancellationToken ct) =>
        transport.OpenAsync(HttpMethod.Get, $"{ResourcePath(app, name)}/export", null, null, ct);

    /// <summary>Uploads a dump; no time limit, since restoring a big one takes what it takes.</summary>
    public Task<ResourceImportResult> ImportResourceAsync(string app, string name, HttpContent dump, CancellationToken ct) =>
        SendLongAsync<ResourceImportResult>(HttpMethod.Post, $"{ResourcePath(app, name)}/import", dump, null, ct);

    public Task<EnvInfo> GetEnvAsync(string app, bool reveal, CancellationToken ct) =>
        transport.SendAsync<EnvInfo>(HttpMethod.Get, $"{AppPath(app)}/env{(reveal ? "?reveal=true" : "")}", null, ct);

    public Task<EnvChangeResult> ChangeEnvAsync(string app, EnvChangeRequest change, CancellationToken ct) =>
        transport.SendAsync<EnvChangeResult>(HttpMethod.Patch, $"{AppPath(app)}/env", ApiJson.Content(change), ct);

    public Task<List<ReleaseInfo>> ListReleasesAsync(string app, int? limit, CancellationToken ct) =>
        transport.SendAsync<List<ReleaseInfo>>(HttpMethod.Get, $"{AppPath(app)}/releases{Limit(limit)}", null, ct);

    public Task<ReleaseInfo> GetReleaseAsync(string app, int version, CancellationToken ct) =>
        transport.SendAsync<ReleaseInfo>(HttpMethod.Get, $"{AppPath(app)}/releases/{version}", null, ct);

    public Task<ReleaseDiff> DiffReleasesAsync(string app, int from, int to, CancellationToken ct) =>
        transport.SendAsync<ReleaseDiff>(HttpMethod.Get, $"{AppPath(app)}/releases/{from}/diff/{to}", null, ct);

    /// <summary>Rolls a release out again (or back); the answer is the deployment doing it.</summary>
    public Task<DeploymentInfo> PromoteReleaseAsync(string app, int version, CancellationToken ct) =>
        transport.SendAsync<DeploymentInfo>(HttpMethod.Post, $"{AppPath(app)}/releases/{version}/promote", null, ct);

    public Task<List<BuildInfo>> ListBuildsAsync(string app, int? limit, CancellationToken ct) =>
        transport.SendAsync<List<BuildInfo>>(HttpMethod.Get, $"{AppPath(app)}/builds{Limit(limit)}", null, ct);

    public Task<BuildInfo> GetBuildAsync(string app, int number, CancellationToken ct) =>
        transport.SendAsync<BuildInfo>(HttpMethod.Get, $"{AppPath(app)}/builds/{number}", null, ct);

    public Task<HttpResponseMessage> OpenBuildLogAsync(string app, int number, CancellationToken ct) =>
        transport.OpenAsync(HttpMethod.Get, $"{AppPath(app)}/builds/{number}/log", null, null, ct);

    /// <summary>Uploads the source tar; no time limit, since a big context on a slow link takes what it takes.</summary>
    public Task<DeploymentInfo> CreateDeploymentAsync(string app, HttpContent tar, string digest, CancellationToken ct) =>
        SendLongAsync<DeploymentInfo>(
            HttpMethod.Post, $"{AppPath(app)}/deployments", tar, r => r.Headers.Add(ContextDigest.HeaderName, digest), ct);

    public Task<List<DeploymentInfo>> ListDeploymentsAsync(string app, int? limit, CancellationToken ct) =>
        transport.SendAsync<List<DeploymentInfo>>(HttpMethod.Get, $"{AppPath(app)}/deployments{Limit(limit)}", null, ct);

    public Task<DeploymentInfo> GetDeploymentAsync(string app, int id, CancellationToken ct) =>
        transport.SendAsync<DeploymentInfo>(HttpMethod.Get, $"{AppPath(app)}/deployments/{id}", null, ct);

    /// <summary>The deployment's log as text; with <paramref name="follow"/> the answer lasts until the deployment ends.</summary>
    public Task<HttpResponseMessage> OpenDeploymentLogAsync(string app, int id, bool follow, CancellationToken ct) =>
        transport.OpenAsync(
            HttpMethod.Get, $"{AppPath(app)}/deployments/{id}/log{(follow ? "?follow=true" : "")}", null, null, ct);

    /// <summary>The server waits for a running deployment to stop before answering, so no time limit here.</summary>
    public Task<DeploymentInfo> CancelDeploymentAsync(string app, int id, CancellationToken ct) =>
        SendLongAsync<DeploymentInfo>(HttpMethod.Post, $"{AppPath(app)}/deployments/{id}/cancel", null, null, ct);

    public Task<List<ProcessInfo>> ListProcessesAsync(string app, CancellationToken ct) =>
        transport.SendAsync<List<ProcessInfo>>(HttpMethod.Get, $"{AppPath(app)}/processes", null, ct);

    /// <summary>Stopping waits out the process's termination grace, so no time limit here.</summary>
    public async Task StopProcessAsync(string app, string id, CancellationToken ct)
    {
        using var response = await transport.OpenAsync(HttpMethod.Delete, ProcessPath(app, id), null, null, ct);
    }

    /// <summary>Starts a one-off process: a stream of <see cref="ProcessStreamEvent"/> lines, or 201 with it when detached.</summary>
    public Task<HttpResponseMessage> RunAsync(string app, RunRequest run, CancellationToken ct) =>
        transport.OpenAsync(HttpMethod.Post, $"{AppPath(app)}/processes", ApiJson.Content(run), null, ct);

    public Task<HttpResponseMessage> ExecAsync(string app, string id, ExecRequest exec, CancellationToken ct) =>
        transport.OpenAsync(HttpMethod.Post, $"{ProcessPath(app, id)}/exec", ApiJson.Content(exec), null, ct);

    public Task<AppMetricsInfo> GetMetricsAsync(string app, string since, CancellationToken ct) =>
        transport.SendAsync<AppMetricsInfo>(HttpMethod.Get, $"{AppPath(app)}/metrics?since={Uri.EscapeDataString(since)}", null, ct);

    public Task<List<FormationInfo>> GetFormationAsync(string app, CancellationToken ct) =>
        transport.SendAsync<List<FormationInfo>>(HttpMethod.Get, $"{AppPath(app)}/formation", null, ct);

    public Task<List<FormationInfo>> ScaleAsync(string app, IReadOnlyDictionary<string, int> counts, CancellationToken ct) =>
        transport.SendAsync<List<FormationInfo>>(HttpMethod.Patch, $"{AppPath(app)}/formation", ApiJson.Content(counts), ct);

    public Task<RestartInfo> RestartAsync(string app, string? service, CancellationToken ct) =>
        transport.SendAsync<RestartInfo>(
            HttpMethod.Post,
            $"{AppPath(app)}/restart{(service is null ? "" : $"?service={Uri.EscapeDataString(service)}")}",
            null,
            ct);

    public Task<List<TimerInfo>> ListTimersAsync(string app, CancellationToken ct) =>
        transport.SendAsync<List<TimerInfo>>(HttpMethod.Get, $"{AppPath(app)}/timers", null, ct);

    /// <summary>Reads a JSON answer through a stream, for requests that may last longer than the usual limit.</summary>
    public async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken ct) =>
        await transport.ReadJsonAsync<T>(response, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}", ct);

    /// <summary>The error for a stream that broke off: the server went away.</summary>
    public WharfUnreachableException Broken(Exception e) => transport.Broken(e);

    public Task<List<TokenInfo>> ListTokensAsync(CancellationToken ct) =>
        transport.SendAsync<List<TokenInfo>>(HttpMethod.Get, "v1/tokens", null, ct);

    public Task<TokenInfo> CreateTokenAsync(string name, string role, CancellationToken ct) =>
        transport.SendAsync<TokenInfo>(HttpMethod.Post, "v1/tokens", ApiJson.Content(new CreateTokenRequest(name, role)), ct);

    public Task RevokeTokenAsync(string id, CancellationToken ct) =>
        transport.SendAsync(HttpMethod.Delete, $"v1/tokens/{Uri.EscapeDataString(id)}", null, ct);

    public Task<List<CertificateInfo>> ListCertificatesAsync(CancellationToken ct) =>
        transport.SendAsync<List<CertificateInfo>>(HttpMethod.Get, "v1/certificates", null, ct);

    public Task<CertificateInfo> ImportCertificateAsync(ImportCertificateRequest request, CancellationToken ct) =>
        transport.SendAsync<CertificateInfo>(HttpMethod.Post, "v1/certificates", ApiJson.Content(request), ct);

    public Task DeleteCertificateAsync(string thumbprint, CancellationToken ct) =>
        transport.SendAsync(HttpMethod.Delete, $"v1/certificates/{Uri.EscapeDataString(thumbprint)}", null, ct);

    public Task<List<AuditEventInfo>> ListAuditAsync(string? app, int? limit, CancellationToken ct)
    {
        var query = new List<string>();
        if (limit is { } n)
        {
            query.Add($"limit={n}");
        }

        if (app is not null)
        {
            query.Add($"app={Uri.EscapeDataString(app)}");
        }

        var path = query.Count == 0 ? "v1/audit" : $"v1/audit?{string.Join('&', query)}";
        return transport.SendAsync<List<AuditEventInfo>>(HttpMethod.Get, path, null, ct);
    }

    private async Task<T> SendLongAsync<T>(
        HttpMethod method, string path, HttpContent? body, Action<HttpRequestMessage>? configure, CancellationToken ct)
    {
        using var response = await transport.OpenAsync(method, path, body, configure, ct);
        return await transport.ReadJsonAsync<T>(response, $"{method} /{path}", ct);
    }

    private static string ResourcePath(string app, string name) => $"{AppPath(app)}/resources/{Uri.EscapeDataString(name)}";

    private static string ProcessPath(string app, string id) => $"{AppPath(app)}/processes/{Uri.EscapeDataString(id)}";

    private static string AppPath(string app) => $"v1/apps/{Uri.EscapeDataString(app)}";

    private static string Limit(int? limit) => limit is { } n ? $"?limit={n}" : "";
}
