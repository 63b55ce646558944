namespace Wharf.Core.Api;

/// <summary>POST /v1/certificates: a certificate (optionally followed by its chain) and its private key, both PEM.</summary>
/// <param name="CertificatePem">"-----BEGIN CERTIFICATE-----..."; the first certificate is the one served.</param>
/// <param name="PrivateKeyPem">The key of the first certificate: PKCS#8, RSA or EC, unencrypted.</param>
public sealed record ImportCertificateRequest(string? CertificatePem, string? PrivateKeyPem);
