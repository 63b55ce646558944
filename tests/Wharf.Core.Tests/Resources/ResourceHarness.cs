using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Crypto;
using Wharf.Core.Deployments;
using Wharf.Core.Resources;
using Wharf.Core.Tests.Fakes;
using Wharf.Manifest;

namespace Wharf.Core.Tests.Resources;

/// <summary>The provisioner over in-memory state, a <see cref="FakeResourceRuntime"/> and quick timeouts.</summary>
public sealed class ResourceHarness
{
    public const string App = "shop";

    public ResourceHarness()
    {
        Vault = new ResourceVault(new EnvelopeCipher(Key));
        var readiness = new ResourceReadiness(Runtime, Timeouts, TimeProvider.System, NullLogger<ResourceReadiness>.Instance);
        Provisioner = new ResourceProvisioner(State, Runtime, Vault, readiness, Timeouts, new FakeClock(), NullLogger<ResourceProvisioner>.Instance);
        Linker = new ResourceLinker(State, Vault);
        State.Apps.TryCreateAsync(new Wharf.Core.Apps.App(App, DateTimeOffset.UnixEpoch, null)).GetAwaiter().GetResult();
    }

    public InMemoryStateStore State { get; } = new();

    public FakeResourceRuntime Runtime { get; } = new();

    public FakeKeyEncryptionKey Key { get; } = new();

    public ResourceTimeouts Timeouts { get; } = new() { Ready = TimeSpan.FromSeconds(1), Poll = TimeSpan.FromMilliseconds(5), Grace = TimeSpan.FromSeconds(1) };

    public ResourceVault Vault { get; }

    public ResourceProvisioner Provisioner { get; }

    public ResourceLinker Linker { get; }

    public LiveLog Log { get; } = new("log", new InMemoryBlobStore(), TimeProvider.System, TimeSpan.FromHours(1), maxLines: 1000);

    public static AppManifest Manifest(string resources) => ManifestLoader.Parse($"""
        resources:
        {resources}
        services:
          web:
            build: .
            resources: [main]
        """).Manifest ?? throw new InvalidOperationException("The test manifest does not parse.");

    public static AppManifest PostgresAndRedis(string mainOptions = "{}") => Manifest($"""
          main:
            type: postgres
            options: {mainOptions}
          cache:
            type: redis
        """);

    public Task<IReadOnlyDictionary<string, ResourceLink>> EnsureAsync(AppManifest manifest, Dictionary<string, string>? env = null) =>
        Provisioner.EnsureAsync(App, manifest, env ?? [], Log, CancellationToken.None);
}
