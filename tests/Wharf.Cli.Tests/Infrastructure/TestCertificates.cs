using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Wharf.Cli.Tests.Infrastructure;

/// <summary>A self-signed ECDSA certificate and key written as PEM files, as `openssl req -x509` would leave them.</summary>
public static class TestCertificates
{
    /// <summary>Writes cert.pem and key.pem into <paramref name="directory"/>; returns their paths.</summary>
    public static (string Certificate, string Key) Write(TempDirectory directory, string host, int days = 90)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(days));
        var paths = (directory.Combine($"{host}.crt.pem"), directory.Combine($"{host}.key.pem"));
        File.WriteAllText(paths.Item1, certificate.ExportCertificatePem());
        File.WriteAllText(paths.Item2, key.ExportPkcs8PrivateKeyPem());
        return paths;
    }
}
