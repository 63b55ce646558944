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

namespace Wharf.Storage.Postgres;

/// <summary>The state store for several servers or a managed database: tables live in the connection's search_path schema.</summary>
public sealed class PostgresStateStore : IStateStore
{
    private readonly PostgresBackend _backend;

    /// <param name="connectionString">An Npgsql connection string; no connection is made until the first call.</param>
    public PostgresStateStore(string connectionString)
    {
        _backend = new PostgresBackend(connectionString);
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

    public string Name => "postgres";

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
