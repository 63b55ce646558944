using Wharf.Core.Routing;

namespace Wharf.Router.Control;

/// <summary>Talks to a router process over its control socket (see <see cref="RouterOptions.ControlSocketPath"/>).</summary>
public sealed class RouterControlClient(string socketPath) : IRouterControl, IDisposable
{
    public string SocketPath { get; } = socketPath;

    public Task ApplyAsync(RouteTable table, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<bool> DrainAsync(IReadOnlyList<string> addresses, TimeSpan timeout, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<RouterStatus> StatusAsync(CancellationToken ct = default) => throw new NotImplementedException();

    public Task SetCertificatesAsync(IReadOnlyList<RouterCertificate> certificates, CancellationToken ct = default) => throw new NotImplementedException();

    public void Dispose()
    {
    }
}
