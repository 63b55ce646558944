using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Routing;
using Wharf.Router.Routing;

namespace Wharf.Router.Tests.Routing;

/// <summary>Tables and routing states for tests.</summary>
internal static class TestRoutes
{
    public static Route Route(string service, string app, params RouteBackend[] backends) =>
        Route(service, app, [$"{service}.{app}.localhost"], backends);

    public static Route Route(string service, string app, IReadOnlyList<string> hosts, params RouteBackend[] backends) => new()
    {
        App = app,
        Service = service,
        Release = 1,
        Hosts = hosts,
        Backends = backends,
    };

    public static RouteBackend Backend(string processId, bool ready = true, string? address = null, int release = 1) =>
        new(processId, address ?? $"10.0.0.{(processId.GetHashCode(StringComparison.Ordinal) & 0x7f) + 1}:5000", release, ready);

    public static RouteTable Table(params Route[] routes) => new() { Routes = routes };

    public static RouterOptions Options(string? dataDirectory = null, TimeSpan? coolOff = null) => new()
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "wharf-router-unused"),
        EjectionCoolOff = coolOff ?? TimeSpan.FromSeconds(10),
    };

    public static RoutingState State(TimeProvider? time = null, TimeSpan? coolOff = null) =>
        new(Options(coolOff: coolOff), time ?? TimeProvider.System, NullLogger<RoutingState>.Instance);

    public static LiveRoute LiveRoute(this RoutingState state, string host) =>
        (LiveRoute)(state.Resolve(host) ?? throw new InvalidOperationException($"No route for {host}."));

    public static LiveBackend Live(this RoutingState state, string processId) =>
        state.Current.Backends.Single(b => b.ProcessId == processId);
}
