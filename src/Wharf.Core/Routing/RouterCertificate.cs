namespace Wharf.Core.Routing;

/// <summary>An imported TLS certificate with its private key, both PEM; served for the host names it covers.</summary>
/// <param name="Hosts">The names it is served for (its subject alternative names), lower-cased; "*.x" matches one label.</param>
public sealed record RouterCertificate(IReadOnlyList<string> Hosts, string CertificatePem, string PrivateKeyPem);
