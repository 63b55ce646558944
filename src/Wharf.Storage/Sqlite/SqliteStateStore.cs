using Wharf.Core.Apps;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Builds;
using Wharf.Core.Config;
using Wharf.Core.Deployments;
using Wharf.Core.Formation;
using Wharf.Core.Releases;
using Wharf.Core.State;
using Wharf.Core.Timers;
using Wharf.Storage.Sql;

namespace Wharf.Storage.Sqlite;

/// <summary>The single-machine state store: one SQLite file, created on first use.</summary>
public sealed class SqliteStateStore : IStateStore
{
    private readonly SqliteBackend _backend;

    /// <param name="databasePath">The database file, e.g. DATA/state.db; its directory is created when missing.</param>
    public SqliteStateStore(string databasePath)
    {
        _backend = new SqliteBackend(databasePath);
        Apps = new SqlAppStore(_backend);
        Env = new SqlEnvStore(_backend);
        Builds = new SqlBuildStore(_backend);
        Releases = new SqlReleaseStore(_backend);
        Audit = new SqlAuditStore(_backend);
        Tokens = new SqlTokenStore(_backend);
        Deployments = new SqlDeploymentStore(_backend);
        Formation = new SqlFormationStore(_backend);
        TimerRuns = new SqlTimerRunStore(_backend);
    }

    public string Name => "sqlite";

    public IAppStore Apps { get; }

    public IEnvStore Env { get; }

    public IBuildStore Builds { get; }

    public IReleaseStore Releases { get; }

    public IAuditStore Audit { get; }

    public ITokenStore Tokens { get; }

    public IDeploymentStore Deployments { get; }

    public IFormationStore Formation { get; }

    public ITimerRunStore TimerRuns { get; }

    public Task MigrateAsync(CancellationToken ct = default) => SqlMigrator.MigrateAsync(_backend, ct);

    public ValueTask DisposeAsync() => _backend.DisposeAsync();
}
