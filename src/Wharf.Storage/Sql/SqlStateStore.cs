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

namespace Wharf.Storage.Sql;

/// <summary>
/// The state store over one SQL backend: every capability runs the same SQL, so SQLite and PostgreSQL differ
/// only in their backend (connections, migrations, unique-key errors, timestamps).
/// </summary>
public abstract class SqlStateStore : IStateStore
{
    private readonly SqlBackend _backend;

    private protected SqlStateStore(SqlBackend backend)
    {
        _backend = backend;
        Apps = new SqlAppStore(backend);
        Env = new SqlEnvStore(backend);
        Builds = new SqlBuildStore(backend);
        Releases = new SqlReleaseStore(backend);
        Audit = new SqlAuditStore(backend);
        Tokens = new SqlTokenStore(backend);
        Deployments = new SqlDeploymentStore(backend);
        Formation = new SqlFormationStore(backend);
        TimerRuns = new SqlTimerRunStore(backend);
        Resources = new SqlResourceStore(backend);
    }

    public abstract string Name { get; }

    public IAppStore Apps { get; }

    public IEnvStore Env { get; }

    public IBuildStore Builds { get; }

    public IReleaseStore Releases { get; }

    public IAuditStore Audit { get; }

    public ITokenStore Tokens { get; }

    public IDeploymentStore Deployments { get; }

    public IFormationStore Formation { get; }

    public ITimerRunStore TimerRuns { get; }

    public IResourceStore Resources { get; }

    public Task MigrateAsync(CancellationToken ct = default) => SqlMigrator.MigrateAsync(_backend, ct);

    public async ValueTask DisposeAsync()
    {
        await _backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
