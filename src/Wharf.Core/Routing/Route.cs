namespace Wharf.Core.Routing;

/// <summary>Where requests for one service of one app go.</summary>
public sealed record Route
{
    public required string App { get; init; }

    public required string Service { get; init; }

    /// <summary>The release whose processes serve it (its backends may include others while one is rolled out).</summary>
    public required int Release { get; init; }

    /// <summary>
    /// Host names, lower-cased, without port: <c>SERVICE.APP.BASE</c> first, then the service's <c>domain:</c>
    /// entries; a leading <c>*.</c> matches exactly one label. Exact names win over wildcards.
    /// </summary>
    public required IReadOnlyList<string> Hosts { get; init; }

    /// <summary>How long the router waits for a backend's response headers before answering 504.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public RouteHealth Health { get; init; } = new();

    /// <summary>The processes in rotation; empty means 503.</summary>
    public IReadOnlyList<RouteBackend> Backends { get; init; } = [];
}
