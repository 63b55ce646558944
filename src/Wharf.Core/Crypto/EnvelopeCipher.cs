using System.Security.Cryptography;
using System.Text;

namespace Wharf.Core.Crypto;

/// <summary>
/// Envelope encryption: each value gets a fresh AES-256-GCM data key, and only the data key goes to the
/// key-encryption key (a local key file or a KMS), so the KEK never sees the plaintext and a KMS is called once per value.
/// </summary>
public sealed class EnvelopeCipher
{
    private const int DataKeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly IKeyEncryptionKey _kek;

    public EnvelopeCipher(IKeyEncryptionKey kek)
    {
        ArgumentNullException.ThrowIfNull(kek);
        _kek = kek;
    }

    /// <summary>
    /// The associated data for one env version. Every reader and writer binds env versions this way, so a
    /// sealed value copied to another app or version fails to open instead of being silently accepted.
    /// </summary>
    public static byte[] EnvAssociatedData(string app, int version)
    {
        ArgumentException.ThrowIfNullOrEmpty(app);
        return Encoding.UTF8.GetBytes($"wharf/env/v1/{app}/{version}");
    }

    public async Task<SealedBox> SealAsync(byte[] plaintext, byte[] associatedData, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(associatedData);

        var dataKey = RandomNumberGenerator.GetBytes(DataKeySize);
        try
        {
            var nonce = RandomNumberGenerator.GetBytes(NonceSize);
            var ciphertext = new byte[plaintext.Length];
            var tag = new byte[TagSize];
            using (var aes = new AesGcm(dataKey, TagSize))
            {
                aes.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
            }

            var wrappedKey = await _kek.WrapAsync(dataKey, associatedData, ct);
            return new SealedBox(_kek.KeyId, wrappedKey, nonce, ciphertext, tag);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Opens a box sealed with the same associated data.</summary>
    /// <exception cref="SealedBoxTamperedException">The box was changed, was wrapped by another key, or was sealed for another record.</exception>
    public async Task<byte[]> OpenAsync(SealedBox box, byte[] associatedData, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(associatedData);

        if (!string.Equals(box.KeyId, _kek.KeyId, StringComparison.Ordinal))
        {
            throw new SealedBoxTamperedException(
                $"The sealed value was wrapped by key '{box.KeyId}', but the configured key-encryption key is '{_kek.KeyId}': "
                + "either the record was tampered with or the wrong key is configured.");
        }

        if (box.Nonce.Length != NonceSize || box.Tag.Length != TagSize)
        {
            throw new SealedBoxTamperedException(
                $"The sealed value has a {box.Nonce.Length}-byte nonce and a {box.Tag.Length}-byte tag "
                + $"(expected {NonceSize} and {TagSize}); it was tampered with or truncated.");
        }

        byte[] dataKey;
        try
        {
            dataKey = await _kek.UnwrapAsync(box.KeyId, box.WrappedKey, associatedData, ct);
        }
        catch (CryptographicException ex)
        {
            throw new SealedBoxTamperedException(
                "The sealed value's data key could not be unwrapped: the record was tampered with, or it was sealed for another app or version.",
                ex);
        }

        try
        {
            if (dataKey.Length != DataKeySize)
            {
                throw new SealedBoxTamperedException(
                    $"The sealed value's data key is {dataKey.Length} bytes instead of {DataKeySize}; the record was tampered with.");
            }

            var plaintext = new byte[box.Ciphertext.Length];
            using var aes = new AesGcm(dataKey, TagSize);
            aes.Decrypt(box.Nonce, box.Ciphertext, box.Tag, plaintext, associatedData);
            return plaintext;
        }
        catch (CryptographicException ex)
        {
            throw new SealedBoxTamperedException(
                "The sealed value failed its integrity check: the record was tampered with, or it was sealed for another app or version.",
                ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }
}
