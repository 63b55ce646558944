using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Wharf.Core.Errors;

namespace Wharf.Server.Certificates;

/// <summary>
/// Checks an imported certificate and key before anything is stored: both are PEM, the key is the certificate's,
/// the certificate has not expired and names at least one host. Every problem is a sentence for the user.
/// </summary>
public static class CertificatePem
{
    public const string CertificateField = "certificatePem";
    public const string KeyField = "privateKeyPem";

    private const string SubjectAlternativeNameOid = "2.5.29.17";

    /// <exception cref="WharfValidationException">The PEM is bad, the key does not match, or the certificate has expired.</exception>
    public static ParsedCertificate Parse(string? certificatePem, string? privateKeyPem, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(certificatePem))
        {
            errors.Add(CertificateField, "certificatePem is empty: send the certificate as PEM (-----BEGIN CERTIFICATE-----).");
        }

        if (string.IsNullOrWhiteSpace(privateKeyPem))
        {
            errors.Add(KeyField, "privateKeyPem is empty: send the certificate's private key as PEM (-----BEGIN PRIVATE KEY-----).");
        }

        errors.ThrowIfAny();
        var chain = new X509Certificate2Collection();
        try
        {
            chain.ImportFromPem(certificatePem);
            if (chain.Count == 0)
            {
                throw new CryptographicException("no certificate");
            }
        }
        catch (CryptographicException)
        {
            throw WharfValidationException.For(
                CertificateField, "certificatePem is not a PEM certificate: it must hold a -----BEGIN CERTIFICATE----- block (the certificate first, then any intermediates).");
        }

        try
        {
            return Check(chain, privateKeyPem!, now);
        }
        finally
        {
            foreach (var certificate in chain)
            {
                certificate.Dispose();
            }
        }
    }

    private static ParsedCertificate Check(X509Certificate2Collection chain, string privateKeyPem, DateTimeOffset now)
    {
        var leaf = chain[0];
        var errors = new ValidationErrors();
        var notAfter = new DateTimeOffset(leaf.NotAfter.ToUniversalTime());
        if (notAfter <= now)
        {
            errors.Add(CertificateField, $"The certificate expired on {notAfter.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}: import a renewed one.");
        }

        var hosts = Hosts(leaf);
        if (hosts.Count == 0)
        {
            errors.Add(CertificateField, "The certificate names no host (no DNS subject alternative name, no common name): the router would never serve it.");
        }

        var key = ExportMatchingKey(leaf, privateKeyPem, errors);
        errors.ThrowIfAny();
        var pem = string.Join('\n', chain.Select(c => c.ExportCertificatePem())) + "\n";
        return new ParsedCertificate(leaf.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant(), hosts, notAfter, pem, key!);
    }

    /// <summary>The key as PKCS#8 PEM, once it is known to be the certificate's; null (and an error) otherwise.</summary>
    private static string? ExportMatchingKey(X509Certificate2 leaf, string privateKeyPem, ValidationErrors errors)
    {
        using AsymmetricAlgorithm? key = leaf.GetKeyAlgorithm() switch
        {
            "1.2.840.113549.1.1.1" => RSA.Create(),
            "1.2.840.10045.2.1" => ECDsa.Create(),
            _ => null,
        };
        if (key is null)
        {
            errors.Add(CertificateField, $"The certificate's key type ({leaf.PublicKey.Oid.FriendlyName ?? leaf.GetKeyAlgorithm()}) is not supported: use an RSA or ECDSA certificate.");
            return null;
        }

        var kind = key is RSA ? "RSA" : "EC";
        try
        {
            key.ImportFromPem(privateKeyPem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            errors.Add(KeyField, $"privateKeyPem is not an unencrypted PEM {kind} private key, as the certificate needs (-----BEGIN PRIVATE KEY----- or -----BEGIN {kind} PRIVATE KEY-----).");
            return null;
        }

        try
        {
            using var paired = key is RSA rsa ? leaf.CopyWithPrivateKey(rsa) : leaf.CopyWithPrivateKey((ECDsa)key);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            errors.Add(KeyField, "The private key does not match the certificate: send the key the certificate was issued for.");
            return null;
        }

        return key.ExportPkcs8PrivateKeyPem();
    }

    private static List<string> Hosts(X509Certificate2 certificate)
    {
        var names = certificate.Extensions
            .Where(e => e.Oid?.Value == SubjectAlternativeNameOid)
            .SelectMany(e => (e as X509SubjectAlternativeNameExtension ?? new X509SubjectAlternativeNameExtension(e.RawData)).EnumerateDnsNames())
            .ToList();
        if (names.Count == 0 && certificate.GetNameInfo(X509NameType.DnsName, forIssuer: false) is { Length: > 0 } common)
        {
            names.Add(common);
        }

        return [.. names.Select(n => n.Trim().TrimEnd('.').ToLowerInvariant()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];
    }
}
