using Wharf.Core.Crypto;

namespace Wharf.Server.Certificates;

/// <summary>
/// One certificate as kept in the blob store (<c>certificates/{thumbprint}</c>, JSON): the public parts in the
/// clear, so listing needs no key, and the private key only sealed (<see cref="EnvelopeCipher"/>), bound to the thumbprint.
/// </summary>
public sealed record StoredCertificate(
    string Thumbprint,
    IReadOnlyList<string> Hosts,
    DateTimeOffset NotAfter,
    string CertificatePem,
    SealedBox PrivateKey,
    DateTimeOffset ImportedAt,
    string ImportedBy);
