using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Api;
using Wharf.Core.Apps;
using Wharf.Core.Audit;
using Wharf.Core.Config;
using Wharf.Core.Crypto;
using Wharf.Core.Deployments;
using Wharf.Core.Processes;
using Wharf.Core.Releases;
using Wharf.Core.Resources;
using Wharf.Core.Runtime;
using Wharf.Core.Tests.Fakes;
using Wharf.Core.Tests.Processes;
using Wharf.Core.Tests.Routing;

namespace Wharf.Core.Tests.Deployments;

/// <summary>
/// The deploy pipeline as the server wires it (dispatcher, runner, builder, rollouts, the real scheduler behind
/// promotions and env changes) over in-memory stores, <see cref="FakeProcessRuntime"/> and <see cref="FakeImageBuilder"/>.
/// </summary>
public sealed class DeploymentHarness : IDisposable
{
    public const string App = "hello";

    public const string WebManifest = """
        services:
          web:
            build: .
            port: 5000
            scale:
              memory: 128MB
            termination:
              grace: 3s
        """;

    private static readonly TimeSpan _waitLimit = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _stopping = new();

    public DeploymentHarness(DeploymentOptions? options = null)
    {
        Options = options ?? new DeploymentOptions
        {
            RolloutTimeout = TimeSpan.FromSeconds(5),
            ReadinessPollInterval = TimeSpan.FromMilliseconds(10),
            WorkerSettleTime = TimeSpan.FromMilliseconds(200),
            StopTimeout = TimeSpan.FromSeconds(2),
            LogFlushInterval = TimeSpan.FromMilliseconds(20),
            CancelWait = TimeSpan.FromSeconds(5),
        };
        Audit = new AuditLog(State, Clock);
        Vault = new EnvVault(State, new EnvelopeCipher(new FakeKeyEncryptionKey()));
        Logs = new LiveLogs(Blobs, Options, Clock, NullLogger<LiveLogs>.Instance);
        Dispatcher = new DeploymentDispatcher(NullLogger<DeploymentDispatcher>.Instance);
        Recorder = new DeploymentRecorder(State, Clock);
        Releases = new ReleaseService(State, Vault, new RolloutScheduler(Recorder, Dispatcher, Logs), Audit, Clock);
        Config = new ConfigService(State, Vault, Releases, Locks, Audit, Clock);
        ResourceVault = new ResourceVault(new EnvelopeCipher(new FakeKeyEncryptionKey()));
        var resourceVault = ResourceVault;
        var resourceReadiness = new ResourceReadiness(Resources, ResourceTimeouts, Clock, NullLogger<ResourceReadiness>.Instance);
        Linker = new ResourceLinker(State, resourceVault);
        Apps = new AppService(State, Blobs, Runtime, Dispatcher, Audit, Clock, new ResourceRemover(Resources, ResourceTimeouts, NullLogger<ResourceRemover>.Instance));
        Routing = new RoutingParts(State, Vault, Runtime, Clock);
        var planner = new RolloutPlanner(State, Vault);
        var readiness = new ProcessReadiness(Runtime, new RuntimePortProbe(Runtime), Routing.Health, Options, Routing.Options, Clock);
        var restore = new RollingRestore(new ReleaseSnapshotLoader(State, Vault, Linker), Runtime, readiness, Routing.Ready, Routing.Sync, Options, NullLogger<RollingRestore>.Instance);
        var stopper = new OldProcessStopper(Runtime, Routing.Drainer, Routing.Sync, Work, Options, NullLogger<OldProcessStopper>.Instance);
        var rollouts = new RolloutService(
            State,
            planner,
            Runtime,
            readiness,
            stopper,
            new RollingRollout(Runtime, Routing.Drainer, stopper, Routing.Sync, Routing.Ready, Routing.Joining, restore, NullLogger<RollingRollout>.Instance),
            Routing.Ready,
            Routing.Sync,
            NullLogger<RolloutService>.Instance,
            new ResourceProvisioner(State, Resources, resourceVault, resourceReadiness, ResourceTimeouts, Clock, NullLogger<ResourceProvisioner>.Instance));
        var builder = new DeployBuilder(State, Blobs, Vault, planner, Images, new BuildCache(State, Blobs, Images), Options, Clock, NullLogger<DeployBuilder>.Instance);
        Runner = new DeploymentRunner(State, Logs, builder, Releases, rollouts, Recorder, Locks, Clock, NullLogger<DeploymentRunner>.Instance);
        Deployments = new DeploymentService(State, Blobs, Recorder, Dispatcher, Logs, Releases, Audit, Options, Clock);
        Dispatcher.Start(Runner.RunAsync, _stopping.Token);
    }

    public static Wharf.Core.Auth.Actor Alice => CoreHarness.Alice;

    public DeploymentOptions Options { get; }

    public TimeProvider Clock { get; } = TimeProvider.System;

    public InMemoryStateStore State { get; } = new();

    public InMemoryBlobStore Blobs { get; } = new();

    public FakeProcessRuntime Runtime { get; } = new();

    /// <summary>Where a rollout stops the old release's processes, behind the deployment.</summary>
    public BackgroundWork Work { get; } = new(new RecordingProcessEvents());

    public FakeImageBuilder Images { get; } = new();

    /// <summary>The route table, its sync and the (recording) router the rollouts hand it to; its health probe answers 200 unless told otherwise.</summary>
    public RoutingParts Routing { get; }

    /// <summary>Where rollouts start the app's resources, before any process.</summary>
    public FakeResourceRuntime Resources { get; } = new();

    public ResourceTimeouts ResourceTimeouts { get; } = new() { Ready = TimeSpan.FromSeconds(5), Poll = TimeSpan.FromMilliseconds(5), Grace = TimeSpan.FromSeconds(1) };

    public ResourceVault ResourceVault { get; }

    /// <summary>The links a reconciler's snapshot loader would give the app's processes.</summary>
    public ResourceLinker Linker { get; }

    public AppLocks Locks { get; } = new();

    public AuditLog Audit { get; }

    public EnvVault Vault { get; }

    public LiveLogs Logs { get; }

    public DeploymentDispatcher Dispatcher { get; }

    public DeploymentRecorder Recorder { get; }

    public ReleaseService Releases { get; }

    public ConfigService Config { get; }

    public AppService Apps { get; }

    public DeploymentRunner Runner { get; }

    public DeploymentService Deployments { get; }

    public Task<AppInfo> CreateAppAsync() => Apps.CreateAsync(Alice, new CreateAppRequest(App));

    /// <summary>Uploads a source with this wharf.yml, a Dockerfile and <paramref name="files"/>, and returns at once.</summary>
    public async Task<DeploymentInfo> StartDeployAsync(string manifest = WebManifest, params (string Path, string Content)[] files)
    {
        using var tar = TestTar.Create([("wharf.yml", manifest), ("Dockerfile", "FROM debian:bookworm-slim\n"), .. files]);
        return await Deployments.CreateAsync(Alice, App, tar, digest: null);
    }

    /// <summary>Deploys and waits until the deployment has ended.</summary>
    public async Task<DeploymentInfo> DeployAsync(string manifest = WebManifest, params (string Path, string Content)[] files) =>
        await WaitAsync((await StartDeployAsync(manifest, files)).Id);

    /// <summary>
    /// Follows the deployment's log to its end (the runner ends it last), lets the old processes it stops behind it
    /// finish stopping, then answers the deployment.
    /// </summary>
    public async Task<DeploymentInfo> WaitAsync(int id)
    {
        using var limit = new CancellationTokenSource(_waitLimit);
        await foreach (var _ in await Deployments.LogAsync(App, id, follow: true, limit.Token))
        {
        }

        await Work.IdleAsync().WaitAsync(_waitLimit);
        return await Deployments.GetAsync(App, id);
    }

    public async Task<IReadOnlyList<string>> LogAsync(int id)
    {
        var lines = new List<string>();
        await foreach (var line in await Deployments.LogAsync(App, id, follow: false))
        {
            lines.Add(line);
        }

        return lines;
    }

    public async Task<int?> CurrentReleaseAsync() => (await State.Apps.GetAsync(App))?.CurrentRelease;

    public IReadOnlyList<RuntimeProcess> Running(int release) => [.. Runtime.Running().Where(p => p.Release == release)];

    /// <summary>Polls <paramref name="condition"/> until it holds (failing after a few seconds).</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + _waitLimit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(10);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        Dispatcher.DrainAsync().Wait(_waitLimit);
        _stopping.Dispose();
        Work.Dispose();
        Routing.Dispose();
    }
}
