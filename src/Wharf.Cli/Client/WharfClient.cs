using System.Net.Http.Json;
using Wharf.Cli.Config;
using Wharf.Core.Api;

namespace Wharf.Cli.Client;

/// <summary>One typed method per route of the v1 API (src/Wharf.Core/Api/ApiRoutes.md).</summary>
internal sealed class WharfClient(ApiTransport transport) : IDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);

    public Uri Url => transport.Url;

    public static WharfClient Create(Connection connection) =>
        new(new ApiTransport(new HttpClient { Timeout = _timeout }, connection.Url, connection.Token));

    public void Dispose() => transport.Dispose();

    public Task<WhoAmI> WhoAmIAsync(CancellationToken ct) =>
        transport.SendAsync<WhoAmI>(HttpMethod.Get, "v1/whoami", null, ct);

    public Task<List<AppInfo>> ListAppsAsync(CancellationToken ct) =>
        transport.SendAsync<List<AppInfo>>(HttpMethod.Get, "v1/apps", null, ct);

    public Task<AppInfo> CreateAppAsync(string name, CancellationToken ct) =>
        transport.SendAsync<AppInfo>(HttpMethod.Post, "v1/apps", JsonContent.Create(new CreateAppRequest(name)), ct);

    public Task<AppInfo> GetAppAsync(string app, CancellationToken ct) =>
        transport.SendAsync<AppInfo>(HttpMethod.Get, AppPath(app), null, ct);

    public Task DeleteAppAsync(string app, CancellationToken ct) =>
        transport.SendAsync(HttpMethod.Delete, AppPath(app), null, ct);

    public Task<EnvInfo> GetEnvAsync(string app, bool reveal, CancellationToken ct) =>
        transport.SendAsync<EnvInfo>(HttpMethod.Get, $"{AppPath(app)}/env{(reveal ? "?reveal=true" : "")}", null, ct);

    public Task<EnvChangeResult> ChangeEnvAsync(string app, EnvChangeRequest change, CancellationToken ct) =>
        transport.SendAsync<EnvChangeResult>(HttpMethod.Patch, $"{AppPath(app)}/env", JsonContent.Create(change), ct);

    public Task<List<ReleaseInfo>> ListReleasesAsync(string app, int? limit, CancellationToken ct) =>
        transport.SendAsync<List<ReleaseInfo>>(HttpMethod.Get, $"{AppPath(app)}/releases{Limit(limit)}", null, ct);

    public Task<ReleaseInfo> GetReleaseAsync(string app, int version, CancellationToken ct) =>
        transport.SendAsync<ReleaseInfo>(HttpMethod.Get, $"{AppPath(app)}/releases/{version}", null, ct);

    public Task<ReleaseDiff> DiffReleasesAsync(string app, int from, int to, CancellationToken ct) =>
        transport.SendAsync<ReleaseDiff>(HttpMethod.Get, $"{AppPath(app)}/releases/{from}/diff/{to}", null, ct);

    public Task<List<BuildInfo>> ListBuildsAsync(string app, int? limit, CancellationToken ct) =>
        transport.SendAsync<List<BuildInfo>>(HttpMethod.Get, $"{AppPath(app)}/builds{Limit(limit)}", null, ct);

    public Task<BuildInfo> GetBuildAsync(string app, int number, CancellationToken ct) =>
        transport.SendAsync<BuildInfo>(HttpMethod.Get, $"{AppPath(app)}/builds/{number}", null, ct);

    public Task<List<TokenInfo>> ListTokensAsync(CancellationToken ct) =>
        transport.SendAsync<List<TokenInfo>>(HttpMethod.Get, "v1/tokens", null, ct);

    public Task<TokenInfo> CreateTokenAsync(string name, string role, CancellationToken ct) =>
        transport.SendAsync<TokenInfo>(HttpMethod.Post, "v1/tokens", JsonContent.Create(new CreateTokenRequest(name, role)), ct);

    public Task RevokeTokenAsync(string id, CancellationToken ct) =>
        transport.SendAsync(HttpMethod.Delete, $"v1/tokens/{Uri.EscapeDataString(id)}", null, ct);

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

    private static string AppPath(string app) => $"v1/apps/{Uri.EscapeDataString(app)}";

    private static string Limit(int? limit) => limit is { } n ? $"?limit={n}" : "";
}
