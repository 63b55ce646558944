using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Wharf.Core.Routing;

namespace Wharf.Router.Tls;

/// <summary>
/// The imported certificates by host name, as one immutable snapshot: exact names, and wildcards ("*.example.com")
/// keyed by the part after their first label. When two certificates cover a name, the one valid longest wins.
/// </summary>
internal sealed class ImportedCertificateSet
{
    private readonly Dictionary<string, Entry> _exact;
    private readonly Dictionary<string, Entry> _wildcards;
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _wildcardLookup;

    private ImportedCertificateSet(Dictionary<string, Entry> exact, Dictionary<string, Entry> wildcards)
    {
        _exact = exact;
        _wildcards = wildcards;
        _wildcardLookup = wildcards.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static ImportedCertificateSet Empty { get; } = new(new(StringComparer.OrdinalIgnoreCase), new(StringComparer.OrdinalIgnoreCase));

    public int Count { get; private init; }

    public IReadOnlyCollection<string> Hosts => [.. _exact.Keys, .. _wildcards.Keys.Select(suffix => "*." + suffix)];

    /// <summary>Parses every certificate; throws <see cref="ArgumentException"/> naming each one that cannot be served.</summary>
    public static ImportedCertificateSet Build(IReadOnlyList<RouterCertificate> certificates)
    {
        var exact = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        var wildcards = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        for (var i = 0; i < certificates.Count; i++)
        {
            var certificate = certificates[i];
            Entry entry;
            try
            {
                entry = Load(certificate);
            }
            catch (CryptographicException ex)
            {
                problems.Add($"Certificate {i + 1} ({string.Join(", ", certificate.Hosts)}) cannot be used: {ex.Message}");
                continue;
            }

            var hosts = certificate.Hosts.Count > 0 ? certificate.Hosts : DnsNames(entry.Certificate);
            foreach (var host in hosts)
            {
                var (table, key) = host.StartsWith("*.", StringComparison.Ordinal) ? (wildcards, host[2..]) : (exact, host);
                if (!table.TryGetValue(key, out var current) || current.NotAfter < entry.NotAfter)
                {
                    table[key] = entry;
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(certificates));
        }

        return new ImportedCertificateSet(exact, wildcards) { Count = certificates.Count };
    }

    /// <summary>The certificate for <paramref name="host"/>: an exact name first, else a wildcard one label above it.</summary>
    public SslStreamCertificateContext? Find(string host)
    {
        if (_exact.TryGetValue(host, out var entry))
        {
            return entry.Context;
        }

        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && _wildcardLookup.TryGetValue(host.AsSpan(dot + 1), out entry) ? entry.Context : null;
    }

    private static Entry Load(RouterCertificate certificate)
    {
        var leaf = X509Certificate2.CreateFromPem(certificate.CertificatePem, certificate.PrivateKeyPem);
        if (!leaf.HasPrivateKey)
        {
            throw new CryptographicException("the private key does not belong to the certificate.");
        }

        // The PEM may carry the chain after the leaf (a "fullchain" file): clients need the intermediates.
        var all = new X509Certificate2Collection();
        all.ImportFromPem(certificate.CertificatePem);
        var intermediates = new X509Certificate2Collection();
        foreach (var other in all)
        {
            if (other.Thumbprint != leaf.Thumbprint)
            {
                intermediates.Add(other);
            }
        }

        var context = SslStreamCertificateContext.Create(leaf, intermediates, offline: true);
        return new Entry(leaf, context, leaf.NotAfter);
    }

    private static List<string> DnsNames(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension san)
            {
                names.AddRange(san.EnumerateDnsNames());
            }
        }

        return names;
    }

    private sealed record Entry(X509Certificate2 Certificate, SslStreamCertificateContext Context, DateTime NotAfter);
}
