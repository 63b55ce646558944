using Wharf.Core.Apps;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Builds;
using Wharf.Core.Config;
using Wharf.Core.Deployments;
using Wharf.Core.Formation;
using Wharf.Core.Releases;
using Wharf.Core.Resources;
using Wharf.Core.State;
using Wharf.Core.Timers;

namespace Wharf.Core.Tests.Fakes;

public sealed class InMemoryStateStore : IStateStore
{
    public InMemoryStateStore()
    {
        AppStore = new InMemoryAppStore(this);
    }

    public string Name => "memory";

    public InMemoryAppStore AppStore { get; }

    public InMemoryEnvStore EnvStore { get; } = new();

    public InMemoryBuildStore BuildStore { get; } = new();

    public InMemoryReleaseStore ReleaseStore { get; } = new();

    public InMemoryAuditStore AuditStore { get; } = new();

    public InMemoryTokenStore TokenStore { get; } = new();

    public InMemoryDeploymentStore DeploymentStore { get; } = new();

    public InMemoryFormationStore FormationStore { get; } = new();

    public InMemoryTimerRunStore TimerRunStore { get; } = new();

    public InMemoryResourceStore ResourceStore { get; } = new();

    public IAppStore Apps => AppStore;

    public IEnvStore Env => EnvStore;

    public IBuildStore Builds => BuildStore;

    public IReleaseStore Releases => ReleaseStore;

    public IAuditStore Audit => AuditStore;

    public ITokenStore Tokens => TokenStore;

    public IDeploymentStore Deployments => DeploymentStore;

    public IFormationStore Formation => FormationStore;

    public ITimerRunStore TimerRuns => TimerRunStore;

    public IResourceStore Resources => ResourceStore;

    public Task MigrateAsync(CancellationToken ct = default) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal void ForgetApp(string app)
    {
        EnvStore.Forget(app);
        BuildStore.Forget(app);
        ReleaseStore.Forget(app);
        DeploymentStore.Forget(app);
        FormationStore.Forget(app);
        TimerRunStore.Forget(app);
        ResourceStore.Forget(app);
    }
}
