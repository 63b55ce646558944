using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Wharf.Router.Tests.Support;

public static class CertificateNames
{
    /// <summary>The DNS names in a certificate's subject alternative name extension.</summary>
    public static IReadOnlyList<string> Of(X509Certificate certificate)
    {
        using var full = new X509Certificate2(certificate);
        return [.. full.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(san => san.EnumerateDnsNames())];
    }

    /// <summary>
    /// Accepts a certificate that names the host the client asked for (its chain is self-signed, so only the name
    /// is checked), and records what was presented.
    /// </summary>
    public static RemoteCertificateValidationCallback NamesHost(List<X509Certificate2>? presented = null) => (sender, certificate, _, _) =>
    {
        if (certificate is null || sender is not SslStream stream)
        {
            return false;
        }

        if (presented is not null)
        {
            lock (presented)
            {
                presented.Add(new X509Certificate2(certificate));
            }
        }

        return Of(certificate).Contains(stream.TargetHostName, StringComparer.OrdinalIgnoreCase);
    };
}
