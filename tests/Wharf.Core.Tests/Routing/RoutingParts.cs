using Wharf.Core.Config;
using Wharf.Core.Processes;
using Wharf.Core.Routing;
using Wharf.Core.Runtime;
using Wharf.Core.State;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Routing;

/// <summary>The routing services as the server wires them, over the given stores and runtime and a <see cref="RecordingRouterControl"/>.</summary>
public sealed class RoutingParts : IDisposable
{
    public RoutingParts(IStateStore state, EnvVault vault, IProcessRuntime runtime, TimeProvider clock, RoutingOptions? options = null)
    {
        Options = options ?? new RoutingOptions();
        Builder = new RouteTableBuilder(state, new ReleaseSnapshotLoader(state, vault), runtime, Ready, Draining, Joining, Options);
        Sync = new RouterSync(Builder, Router, Draining, Options, clock, Log);
        Drainer = new ProcessDrainer(Router);
    }

    public RoutingOptions Options { get; }

    public RecordingRouterControl Router { get; } = new();

    public FakeHealthProbe Health { get; } = new();

    public ReadyProcesses Ready { get; } = new();

    public DrainingProcesses Draining { get; } = new();

    public JoiningProcesses Joining { get; } = new();

    public ListLogger<RouterSync> Log { get; } = new();

    public RouteTableBuilder Builder { get; }

    public RouterSync Sync { get; }

    public ProcessDrainer Drainer { get; }

    /// <summary>The backends of one app's service in the last table the router took ("id ready" or "id"), or null without a route.</summary>
    public IReadOnlyList<string>? Backends(string app, string service) =>
        Router.Last?.Routes.FirstOrDefault(r => r.App == app && r.Service == service)?.Backends
            .Select(b => b.Ready ? $"{b.ProcessId} ready" : b.ProcessId).ToList();

    public void Dispose() => Sync.Dispose();
}
