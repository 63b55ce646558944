namespace Wharf.Server.Certificates;

/// <summary>The audit actions of certificates; the detail names hosts and dates, never key material.</summary>
public static class CertificateAuditActions
{
    public const string Import = "certificates.import";
    public const string Delete = "certificates.delete";
}
