using Wharf.Core.Routing;
using Wharf.Router.Metrics;
using Wharf.Router.Routing;

namespace Wharf.Router.Tests.Support;

/// <summary>A route whose Pick hands out its backends in order, skipping those already tried.</summary>
public sealed class FakeRoute(Route definition, params FakeBackend[] backends) : ILiveRoute
{
    public Route Definition { get; } = definition;

    public IReadOnlyList<FakeBackend> Backends { get; } = backends;

    public RequestMetricsCell Metrics { get; } = new(definition.App, definition.Service, definition.Release);

    /// <summary>Runs at every pick, before it: a test swaps the table here, as a deploy would mid-request.</summary>
    public Action? OnPick { get; set; }

    public ILiveBackend? Pick(IReadOnlyCollection<ILiveBackend> tried)
    {
        OnPick?.Invoke();
        foreach (var backend in Backends)
        {
            if (!tried.Contains(backend))
            {
                return backend;
            }
        }

        return null;
    }

    /// <summary>web.APP.localhost served by <paramref name="backends"/>.</summary>
    public static FakeRoute For(string app, TimeSpan? timeout = null, params FakeBackend[] backends) => new(
        new Route
        {
            App = app,
            Service = "web",
            Release = 1,
            Hosts = [$"web.{app}.localhost"],
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
            Backends = [.. backends.Select(backend => new RouteBackend(backend.ProcessId, backend.Address, backend.Release, Ready: true))],
        },
        backends);
}
