namespace Wharf.Server.Certificates;

/// <summary>A certificate checked by <see cref="CertificatePem"/>, with its private key in plaintext PEM.</summary>
/// <remarks>Holds a private key: keep it for one request; its <see cref="ToString"/> leaves the key out.</remarks>
public sealed record ParsedCertificate(string Thumbprint, IReadOnlyList<string> Hosts, DateTimeOffset NotAfter, string CertificatePem, string PrivateKeyPem)
{
    public override string ToString() => $"certificate {Thumbprint} for {string.Join(", ", Hosts)}, expires {NotAfter:u}";
}
