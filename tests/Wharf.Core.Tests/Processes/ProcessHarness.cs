using Wharf.Core.Builds;
using Wharf.Core.Processes;
using Wharf.Core.Releases;
using Wharf.Core.Routing;
using Wharf.Core.Tests.Fakes;
using Wharf.Core.Tests.Routing;
using Wharf.Core.Timers;

namespace Wharf.Core.Tests.Processes;

/// <summary>The process services over <see cref="FakeProcessRuntime"/>, a <see cref="ManualClock"/> and in-memory stores.</summary>
public sealed class ProcessHarness : IDisposable
{
    public const string App = "hello";

    public const string Manifest = """
        services:
          web:
            image: example/web:1
            port: 5000
            scale: 2
          worker:
            build: .
            scale:
              count: 1
              min: 0
              max: 4
            environment:
              - QUEUE=jobs
        """;

    public ProcessHarness(RoutingOptions? routing = null)
    {
        Runtime = new FakeProcessRuntime(Clock);
        Loader = new ReleaseSnapshotLoader(Core.State, Core.Vault);
        Crashes = new CrashBook(Options);
        Work = new BackgroundWork(Events);
        Routing = new RoutingParts(Core.State, Core.Vault, Runtime, Clock, routing);
        Reconciler = NewReconciler(Crashes, Attached);
        Formation = new FormationService(Core.State, Runtime, Loader, Signal, Core.Audit);
        Listing = new ProcessListing(Core.State, Runtime, Loader, Crashes, Options, Clock);
        Processes = new ProcessService(Core.State, Runtime, Loader, Attached, Signal, Core.Audit, Options);
        Restart = new RollingRestart(
            Runtime,
            Loader,
            new RestartReadiness(Runtime, new RuntimePortProbe(Runtime), Routing.Health, Routing.Options, Clock),
            Routing.Ready,
            Routing.Sync,
            Routing.Drainer,
            Core.Locks,
            Work,
            Events,
            Signal,
            Core.Audit,
            Options);
        Timers = new TimerScheduler(Core.State, Runtime, Loader, Work, Events, Clock);
        TimerList = new TimerService(Core.State, Loader, Timers, Clock);
    }

    public CoreHarness Core { get; } = new();

    public ManualClock Clock { get; } = new();

    public ProcessOptions Options { get; } = new();

    public FakeProcessRuntime Runtime { get; }

    public RecordingProcessEvents Events { get; } = new();

    public AttachedProcesses Attached { get; } = new();

    public ReconcilerSignal Signal { get; } = new();

    public ReleaseSnapshotLoader Loader { get; }

    public CrashBook Crashes { get; }

    public BackgroundWork Work { get; }

    /// <summary>The route table, its sync and the (recording) router; its health probe answers 200 unless told otherwise.</summary>
    public RoutingParts Routing { get; }

    public Reconciler Reconciler { get; }

    public FormationService Formation { get; }

    public ProcessListing Listing { get; }

    public ProcessService Processes { get; }

    public RollingRestart Restart { get; }

    public TimerScheduler Timers { get; }

    public TimerService TimerList { get; }

    /// <summary>Creates the app with build 1 (worker image "wharf/APP-worker:1") and a current release of <paramref name="manifest"/>.</summary>
    public async Task<Release> DeployAsync(string manifest = Manifest, int build = 1, string app = App)
    {
        if (await Core.State.Apps.GetAsync(app) is null)
        {
            await Core.CreateAppAsync(app);
        }

        await Core.State.Builds.TryInsertAsync(new Build(
            app, build, BuildStatus.Succeeded, new Dictionary<string, string> { ["worker"] = $"wharf/{app}-worker:{build}" }, manifest, null, Clock.GetUtcNow(), Clock.GetUtcNow()));
        var latest = await Core.State.Env.LatestAsync(app);
        var release = await Core.Releases.CreateAsync(CoreHarness.Alice, app, new ReleaseDraft(build, latest?.Version, manifest, $"Deploy build {build}"));
        await Core.Releases.PromoteAsync(CoreHarness.Alice, app, release.Version);
        return release;
    }

    /// <summary>A reconciler over this harness's runtime, stores and router, with its own crash book and attached set.</summary>
    public Reconciler NewReconciler(CrashBook crashes, AttachedProcesses attached) =>
        new(Core.State, Runtime, Loader, crashes, Core.Locks, attached, Events, Routing.Sync, Routing.Draining, Routing.Drainer, Options, Clock);

    /// <summary>Runs one reconciler round after moving the clock.</summary>
    public async Task ReconcileAsync(TimeSpan? after = null)
    {
        Clock.Advance(after ?? TimeSpan.Zero);
        Assert.True(await Reconciler.ReconcileAppAsync(App));
    }

    public void Dispose()
    {
        Work.Dispose();
        Timers.Dispose();
        Routing.Dispose();
    }
}
