namespace Wharf.Core.Api;

/// <summary>An imported TLS certificate as the API shows it: never its private key.</summary>
/// <param name="Thumbprint">The SHA-256 hash of the certificate (lower-case hex): its id in the API and the CLI.</param>
/// <param name="Hosts">The host names it is served for (its subject alternative names), lower-cased; "*.x" matches one label.</param>
/// <param name="NotAfter">When it expires.</param>
public sealed record CertificateInfo(string Thumbprint, IReadOnlyList<string> Hosts, DateTimeOffset NotAfter);
