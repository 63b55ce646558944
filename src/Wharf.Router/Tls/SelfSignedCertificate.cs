using System.Buffers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Wharf.Router.Tls;

/// <summary>A certificate for one host name, signed by its own key: what the router serves until one is imported.</summary>
internal static class SelfSignedCertificate
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(365);

    private static readonly SearchValues<char> _needEscaping = SearchValues.Create(",+=\"\\<>;#");

    /// <summary>ECDSA P-256, the host as subject and only DNS name, valid from a day ago for a year, for TLS servers only.</summary>
    public static X509Certificate2 Create(string host, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={Escape(host)}"), key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build(critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(now.AddDays(-1), now.Add(Validity));
    }

    /// <summary>Host names never need escaping in a distinguished name, but SNI is whatever a client sends.</summary>
    private static string Escape(string host) =>
        host.AsSpan().IndexOfAny(_needEscaping) < 0 ? host : $"\"{host.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
