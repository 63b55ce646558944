using Wharf.Core.Apps;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Builds;
using Wharf.Core.Config;
using Wharf.Core.Deployments;
using Wharf.Core.Formation;
using Wharf.Core.Releases;
using Wharf.Core.Resources;
using Wharf.Core.Timers;

namespace Wharf.Core.State;

/// <summary>
/// The platform's own state (the KV service), split by capability. Implementations (SQLite, PostgreSQL) are
/// picked by <see cref="Name"/> from configuration. Every completed call is durable: a crash after it returns
/// loses nothing it wrote.
/// </summary>
public interface IStateStore : IAsyncDisposable
{
    /// <summary>The configuration name of this implementation, e.g. "sqlite".</summary>
    string Name { get; }

    /// <summary>Creates or upgrades the schema with versioned migrations; safe to call on every start.</summary>
    Task MigrateAsync(CancellationToken ct = default);

    IAppStore Apps { get; }

    IEnvStore Env { get; }

    IBuildStore Builds { get; }

    IReleaseStore Releases { get; }

    IAuditStore Audit { get; }

    ITokenStore Tokens { get; }

    IDeploymentStore Deployments { get; }

    IFormationStore Formation { get; }

    ITimerRunStore TimerRuns { get; }

    /// <summary>The resources provisioned for each app, with their sealed credentials.</summary>
    IResourceStore Resources { get; }
}
