namespace Wharf.Server.Routing;

/// <summary>Pushes nothing: the router keeps the table it has (it reloads its last one from disk when it starts).</summary>
public sealed class NoRouterTableSync : IRouterTableSync
{
    public Task SyncAsync(CancellationToken ct) => Task.CompletedTask;
}
