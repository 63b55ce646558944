using Wharf.Core.Api;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Errors;

namespace Wharf.Server.Certificates;

/// <summary>`wharf certs`: imports, lists and removes the TLS certificates the router serves.</summary>
public sealed class CertificateService(CertificateStore store, CertificatePublisher publisher, AuditLog audit, TimeProvider clock)
{
    /// <exception cref="WharfValidationException">Bad PEM, a key that does not match, or an expired certificate.</exception>
    public async Task<CertificateInfo> ImportAsync(Actor actor, ImportCertificateRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var certificate = CertificatePem.Parse(request.CertificatePem, request.PrivateKeyPem, now);
        await store.PutAsync(certificate, now, actor.Name, ct);
        await audit.RecordAsync(actor, CertificateAuditActions.Import, certificate.Thumbprint, Describe(certificate.Hosts, certificate.NotAfter), ct);

        // Stored whatever the router says: a router that is away gets the list when it answers again.
        await publisher.PublishAsync(ct);
        return new CertificateInfo(certificate.Thumbprint, certificate.Hosts, certificate.NotAfter);
    }

    public Task<IReadOnlyList<CertificateInfo>> ListAsync(CancellationToken ct = default) => store.ListAsync(ct);

    /// <exception cref="NotFoundException">No certificate has that thumbprint.</exception>
    public async Task DeleteAsync(Actor actor, string thumbprint, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(thumbprint);
        var normalized = thumbprint.Trim().ToLowerInvariant();
        var found = (await store.ListAsync(ct)).FirstOrDefault(c => c.Thumbprint == normalized);
        if (found is null || !await store.DeleteAsync(normalized, ct))
        {
            throw new NotFoundException($"There is no certificate with thumbprint '{thumbprint}': run `wharf certs` to see the thumbprints.");
        }

        await audit.RecordAsync(actor, CertificateAuditActions.Delete, normalized, Describe(found.Hosts, found.NotAfter), ct);
        await publisher.PublishAsync(ct);
    }

    private static string Describe(IReadOnlyList<string> hosts, DateTimeOffset notAfter) =>
        $"hosts {string.Join(", ", hosts)}; expires {notAfter:yyyy-MM-dd}";
}
