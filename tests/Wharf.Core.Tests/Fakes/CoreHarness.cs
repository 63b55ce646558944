using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Api;
using Wharf.Core.Apps;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Builds;
using Wharf.Core.Config;
using Wharf.Core.Crypto;
using Wharf.Core.Deployments;
using Wharf.Core.Releases;

namespace Wharf.Core.Tests.Fakes;

/// <summary>The Core services wired to in-memory fakes, as the server wires them to real stores.</summary>
public sealed class CoreHarness
{
    public CoreHarness()
    {
        Audit = new AuditLog(State, Clock);
        Vault = new EnvVault(State, new EnvelopeCipher(Key));
        Rollouts = new InstantRolloutScheduler(State, Clock);
        Dispatcher = new DeploymentDispatcher(NullLogger<DeploymentDispatcher>.Instance);
        Apps = new AppService(State, Blobs, Runtime, Dispatcher, Audit, Clock, images: new ImagePruner(State, Images, NullLogger<ImagePruner>.Instance));
        Releases = new ReleaseService(State, Vault, Rollouts, Audit, Clock);
        Config = new ConfigService(State, Vault, Releases, Locks, Audit, Clock);
        OtherServer = new ConfigService(State, Vault, Releases, new AppLocks(), Audit, Clock);
        Builds = new BuildService(State);
        Tokens = new TokenService(State, Audit, Clock);
    }

    public static Actor Alice { get; } = new("alice", Role.Deploy);

    public static Actor Reader { get; } = new("viewer", Role.Read);

    public InMemoryStateStore State { get; } = new();

    public InMemoryBlobStore Blobs { get; } = new();

    public FakeKeyEncryptionKey Key { get; } = new();

    public FakeClock Clock { get; } = new();

    public AppLocks Locks { get; } = new();

    /// <summary>The engine's image names app deletion removes the app's from.</summary>
    public FakeImageStore Images { get; } = new();

    /// <summary>The runtime app deletion removes processes from (rollout tests wire their own).</summary>
    public FakeProcessRuntime Runtime { get; } = new();

    /// <summary>Promotions of releases with a build: made current at once, recorded as succeeded deployments.</summary>
    public InstantRolloutScheduler Rollouts { get; }

    public DeploymentDispatcher Dispatcher { get; }

    public AuditLog Audit { get; }

    public EnvVault Vault { get; }

    public AppService Apps { get; }

    public ReleaseService Releases { get; }

    public ConfigService Config { get; }

    /// <summary>A second server on the same store: its changes race ours without sharing our app locks.</summary>
    public ConfigService OtherServer { get; }

    public BuildService Builds { get; }

    public TokenService Tokens { get; }

    public async Task<AppInfo> CreateAppAsync(string name = "hello") =>
        await Apps.CreateAsync(Alice, new CreateAppRequest(name));

    public Task<EnvChangeResult> SetAsync(string app, params (string Key, string Value)[] values) =>
        Config.ChangeAsync(Alice, app, new EnvChangeRequest(values.ToDictionary(v => v.Key, v => v.Value), null));

    public Task<EnvChangeResult> UnsetAsync(string app, params string[] keys) =>
        Config.ChangeAsync(Alice, app, new EnvChangeRequest(null, keys));
}
