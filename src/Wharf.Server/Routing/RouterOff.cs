using Wharf.Core.Routing;

namespace Wharf.Server.Routing;

/// <summary>The router control of a server started with --no-router: every push is dropped, the status is empty.</summary>
public sealed class RouterOff : IRouterControl
{
    public Task ApplyAsync(RouteTable table, CancellationToken ct = default) => Task.CompletedTask;

    public Task<bool> DrainAsync(IReadOnlyList<string> addresses, TimeSpan timeout, CancellationToken ct = default) => Task.FromResult(true);

    public Task<RouterStatus> StatusAsync(CancellationToken ct = default) => Task.FromResult(new RouterStatus(0, [], 0, []));

    public Task SetCertificatesAsync(IReadOnlyList<RouterCertificate> certificates, CancellationToken ct = default) => Task.CompletedTask;
}
