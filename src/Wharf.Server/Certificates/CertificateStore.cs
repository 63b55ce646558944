using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wharf.Core.Api;
using Wharf.Core.Blobs;
using Wharf.Core.Crypto;
using Wharf.Core.Routing;

namespace Wharf.Server.Certificates;

/// <summary>Imported certificates in the blob store, their private keys sealed: never plaintext on disk (or in S3).</summary>
public sealed partial class CertificateStore(IBlobStore blobs, EnvelopeCipher cipher)
{
    public const string Prefix = "certificates/";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    /// <summary>True for what a thumbprint looks like (64 lower-case hex digits), so no other text reaches a blob key.</summary>
    public static bool IsThumbprint(string value) => ThumbprintPattern().IsMatch(value);

    public static string Key(string thumbprint) => Prefix + thumbprint;

    /// <summary>The associated data of a sealed key: a key moved to another certificate's record fails to open.</summary>
    public static byte[] AssociatedData(string thumbprint) => Encoding.UTF8.GetBytes($"wharf/certificates/v1/{thumbprint}");

    public async Task PutAsync(ParsedCertificate certificate, DateTimeOffset importedAt, string importedBy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var key = Encoding.UTF8.GetBytes(certificate.PrivateKeyPem);
        SealedBox sealedKey;
        try
        {
            sealedKey = await cipher.SealAsync(key, AssociatedData(certificate.Thumbprint), ct);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        var stored = new StoredCertificate(
            certificate.Thumbprint, certificate.Hosts, certificate.NotAfter, certificate.CertificatePem, sealedKey, importedAt, importedBy);
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(stored, _json));
        await blobs.PutAsync(Key(certificate.Thumbprint), content, ct);
    }

    /// <summary>Every certificate's public parts, soonest to expire first.</summary>
    public async Task<IReadOnlyList<CertificateInfo>> ListAsync(CancellationToken ct = default)
    {
        var all = await ReadAllAsync(ct);
        return [.. all.Select(ToInfo).OrderBy(c => c.NotAfter).ThenBy(c => c.Thumbprint, StringComparer.Ordinal)];
    }

    /// <summary>Every certificate with its key opened, for the router (which keeps them in memory only).</summary>
    public async Task<IReadOnlyList<RouterCertificate>> LoadAllAsync(CancellationToken ct = default)
    {
        var certificates = new List<RouterCertificate>();
        foreach (var stored in await ReadAllAsync(ct))
        {
            var key = await cipher.OpenAsync(stored.PrivateKey, AssociatedData(stored.Thumbprint), ct);
            try
            {
                certificates.Add(new RouterCertificate(stored.Hosts, stored.CertificatePem, Encoding.UTF8.GetString(key)));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }

        return certificates;
    }

    /// <summary>Deletes it; false when there was none.</summary>
    public Task<bool> DeleteAsync(string thumbprint, CancellationToken ct = default) =>
        IsThumbprint(thumbprint) ? blobs.DeleteAsync(Key(thumbprint), ct) : Task.FromResult(false);

    public static CertificateInfo ToInfo(StoredCertificate stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new CertificateInfo(stored.Thumbprint, stored.Hosts, stored.NotAfter);
    }

    private async Task<List<StoredCertificate>> ReadAllAsync(CancellationToken ct)
    {
        var all = new List<StoredCertificate>();
        foreach (var key in await blobs.ListAsync(Prefix, ct))
        {
            await using var stream = await blobs.OpenReadAsync(key, ct);
            if (stream is not null && await JsonSerializer.DeserializeAsync<StoredCertificate>(stream, _json, ct) is { } stored)
            {
                all.Add(stored);
            }
        }

        return all;
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex ThumbprintPattern();
}
