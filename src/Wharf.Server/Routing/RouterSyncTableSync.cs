using Wharf.Core.Routing;

namespace Wharf.Server.Routing;

/// <summary>The server's table sync: Core's <see cref="RouterSync"/>, forced, since a router process it has not seen may hold any table.</summary>
public sealed class RouterSyncTableSync(RouterSync sync) : IRouterTableSync
{
    public async Task SyncAsync(CancellationToken ct) => await sync.SyncAsync(force: true, ct);
}
