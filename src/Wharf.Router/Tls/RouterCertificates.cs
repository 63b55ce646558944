using System.Collections.Concurrent;
using System.Net.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Routing;
using Wharf.Router.Routing;

namespace Wharf.Router.Tls;

/// <summary>
/// The certificates the HTTPS listeners serve, picked per connection by the name the client asks for (SNI):
/// an imported certificate covering it wins; else a self-signed one made for that host the first time it is asked
/// for and kept in memory. Self-signed certificates are made only for hosts the router serves (so random names
/// cannot fill memory), at most <see cref="MaxGenerated"/> of them; any other name gets one shared fallback.
/// </summary>
public sealed class RouterCertificates
{
    /// <summary>How many hosts get their own self-signed certificate before new ones share the fallback.</summary>
    public const int MaxGenerated = 4096;

    private const string FallbackHost = "localhost";
    private static readonly TimeSpan _renewBefore = TimeSpan.FromDays(30);

    private readonly ConcurrentDictionary<string, Lazy<Generated>> _generated = new(StringComparer.OrdinalIgnoreCase);
    private readonly IRouteResolver? _routes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile ImportedCertificateSet _imported = ImportedCertificateSet.Empty;

    /// <summary>A store that makes self-signed certificates for any host name.</summary>
    public RouterCertificates()
        : this(null, NullLogger<RouterCertificates>.Instance)
    {
    }

    public RouterCertificates(IRouteResolver? routes, ILogger<RouterCertificates> logger, TimeProvider? time = null)
    {
        _routes = routes;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The host names the imported certificates cover ("*.example.com" for wildcards).</summary>
    public IReadOnlyCollection<string> ImportedHosts => _imported.Hosts;

    /// <summary>
    /// Serves <paramref name="certificates"/> from the next handshake on, instead of the ones imported before.
    /// Throws <see cref="ArgumentException"/> (and keeps the previous set) when one cannot be used.
    /// </summary>
    public void Replace(IReadOnlyList<RouterCertificate> certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var imported = ImportedCertificateSet.Build(certificates);
        _imported = imported;
        RouterLog.CertificatesReplaced(_logger, imported.Count, string.Join(", ", imported.Hosts));
    }

    /// <summary>The certificate (with its chain) to present to a client that asked for <paramref name="serverName"/>.</summary>
    public SslStreamCertificateContext Select(string? serverName)
    {
        var host = string.IsNullOrEmpty(serverName) ? FallbackHost : serverName;
        if (_imported.Find(host) is { } imported)
        {
            return imported;
        }

        if (!host.Equals(FallbackHost, StringComparison.OrdinalIgnoreCase) && _routes is not null && _routes.Resolve(host) is null)
        {
            host = FallbackHost;
        }

        return Generate(host);
    }

    /// <summary>What an HTTPS listener answers a TLS handshake with: the certificate for the name, HTTP/2 or HTTP/1.1.</summary>
    public SslServerAuthenticationOptions ServerOptions(string? serverName) => new()
    {
        ServerCertificateContext = Select(serverName),
        ApplicationProtocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11],
        CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
        ClientCertificateRequired = false,
    };

    private SslStreamCertificateContext Generate(string host)
    {
        var now = _time.GetUtcNow();
        if (_generated.TryGetValue(host, out var cached) && cached.Value.RenewAfter > now)
        {
            return cached.Value.Context;
        }

        if (cached is null && _generated.Count >= MaxGenerated && !host.Equals(FallbackHost, StringComparison.OrdinalIgnoreCase))
        {
            RouterLog.CertificateCacheFull(_logger, _generated.Count, host);
            return Generate(FallbackHost);
        }

        var fresh = new Lazy<Generated>(() => Create(host, now));
        var entry = cached is null ? _generated.GetOrAdd(host, fresh) : _generated.AddOrUpdate(host, fresh, (_, current) => current == cached ? fresh : current);
        return entry.Value.Context;
    }

    private Generated Create(string host, DateTimeOffset now)
    {
        var certificate = SelfSignedCertificate.Create(host, now);
        RouterLog.CertificateGenerated(_logger, host);
        return new Generated(SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true), now + SelfSignedCertificate.Validity - _renewBefore);
    }

    private sealed record Generated(SslStreamCertificateContext Context, DateTimeOffset RenewAfter);
}
