namespace Wharf.Core.Routing;

/// <summary>The router's active check of every backend of a route: GET <see cref="Path"/>; 2xx and 3xx pass.</summary>
public sealed record RouteHealth
{
    public string Path { get; init; } = "/";

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(4);
}
