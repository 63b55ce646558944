namespace Wharf.Core.Api;

public sealed record AppInfo(string Name, DateTimeOffset CreatedAt, int? CurrentRelease)
{
    /// <summary>
    /// The URLs of the current release's public services (a port, not <c>internal</c>) on every router listener;
    /// filled in by GET /v1/apps/{app}, empty in listings and before the first deploy.
    /// </summary>
    public IReadOnlyList<AppRoute> Routes { get; init; } = [];
}
