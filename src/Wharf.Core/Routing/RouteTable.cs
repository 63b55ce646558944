namespace Wharf.Core.Routing;

/// <summary>
/// Everything the router serves: one <see cref="Route"/> per public service of every app with a current release.
/// The API builds it from state and the runtime and hands the whole table to the router, which swaps it in at
/// once (so a rollout's new processes enter and its old ones leave rotation in the same instant) and keeps the
/// last one it got while the API is away.
/// </summary>
public sealed record RouteTable
{
    public IReadOnlyList<Route> Routes { get; init; } = [];

    public static RouteTable Empty { get; } = new();
}
