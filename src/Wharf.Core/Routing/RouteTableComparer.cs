namespace Wharf.Core.Routing;

/// <summary>
/// Compares route tables by content (the records hold lists, which compare by reference): whether a freshly built
/// table is the one the router already has.
/// </summary>
public sealed class RouteTableComparer : IEqualityComparer<RouteTable>
{
    public static RouteTableComparer Instance { get; } = new();

    public bool Equals(RouteTable? x, RouteTable? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.Routes.SequenceEqual(y.Routes, RouteComparer.Instance));

    public int GetHashCode(RouteTable obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        foreach (var route in obj.Routes)
        {
            hash.Add(RouteComparer.Instance.GetHashCode(route));
        }

        return hash.ToHashCode();
    }

    private sealed class RouteComparer : IEqualityComparer<Route>
    {
        public static RouteComparer Instance { get; } = new();

        public bool Equals(Route? x, Route? y) =>
            ReferenceEquals(x, y)
            || (x is not null && y is not null
                && x.App == y.App
                && x.Service == y.Service
                && x.Release == y.Release
                && x.Timeout == y.Timeout
                && x.Health == y.Health
                && x.Hosts.SequenceEqual(y.Hosts, StringComparer.Ordinal)
                && x.Backends.SequenceEqual(y.Backends));

        public int GetHashCode(Route obj) => HashCode.Combine(obj.App, obj.Service, obj.Release, obj.Backends.Count);
    }
}
