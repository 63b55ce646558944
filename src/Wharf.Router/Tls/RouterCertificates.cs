using Wharf.Core.Routing;

namespace Wharf.Router.Tls;

/// <summary>
/// PLACEHOLDER so the control API compiles on the routing branch: the TLS work (router-forward branch) brings the real
/// certificate store with this name and <see cref="Replace"/>; at merge, that one replaces this file.
/// </summary>
public sealed class RouterCertificates
{
    private volatile IReadOnlyList<RouterCertificate> _imported = [];

    /// <summary>The imported certificates now (kept in memory only: they hold private keys).</summary>
    public IReadOnlyList<RouterCertificate> Imported => _imported;

    public void Replace(IReadOnlyList<RouterCertificate> certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        _imported = [.. certificates];
    }
}
