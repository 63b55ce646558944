namespace Wharf.Server.Routing;

/// <summary>
/// Hands the router the current route table, built from state and the runtime; <see cref="RouterSupervisor"/>
/// calls it once the router answers (at start, and when a new router process appears). <see cref="RouterSyncTableSync"/>
/// does the work; <see cref="NoRouterTableSync"/> is for tests of the supervisor alone.
/// </summary>
public interface IRouterTableSync
{
    Task SyncAsync(CancellationToken ct);
}
