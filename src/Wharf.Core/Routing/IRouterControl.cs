namespace Wharf.Core.Routing;

/// <summary>
/// The API's handle on the router process (its control socket). Every call fails with an exception when the
/// router cannot be reached; callers decide whether that stops them.
/// </summary>
public interface IRouterControl
{
    /// <summary>Replaces the router's table; returns once requests are routed by it.</summary>
    Task ApplyAsync(RouteTable table, CancellationToken ct = default);

    /// <summary>
    /// Waits until no request is in flight to any of <paramref name="addresses"/> (processes already out of
    /// rotation), or <paramref name="timeout"/> passes; true when drained.
    /// </summary>
    Task<bool> DrainAsync(IReadOnlyList<string> addresses, TimeSpan timeout, CancellationToken ct = default);

    /// <summary>What the router serves now: its listeners and every backend's health and in-flight count.</summary>
    Task<RouterStatus> StatusAsync(CancellationToken ct = default);

    /// <summary>Replaces the imported certificates (kept in the router's memory only: they hold private keys).</summary>
    Task SetCertificatesAsync(IReadOnlyList<RouterCertificate> certificates, CancellationToken ct = default);
}
