using System.Security.Cryptography;
using Wharf.Core.Crypto;

namespace Wharf.Storage.Keys;

/// <summary>
/// The key-encryption key as a local file (DATA/keys/kek.key by default). Wraps data keys with AES-256-GCM bound to
/// the caller's associated data; the wrapped form is nonce | ciphertext | tag.
/// </summary>
internal sealed class LocalKeyFileKey : IKeyEncryptionKey
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    /// <param name="path">The key file; created with mode 0600 when missing.</param>
    public LocalKeyFileKey(string path)
    {
        _key = KeyFile.LoadOrCreate(path);

        // Public and stable: a hash prefix tells which key sealed a value without revealing the key.
        KeyId = Convert.ToHexStringLower(SHA256.HashData(_key).AsSpan(0, 8));
    }

    public string Name => "local";

    public string KeyId { get; }

    public Task<byte[]> WrapAsync(byte[] dataKey, byte[] associatedData, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataKey);
        ArgumentNullException.ThrowIfNull(associatedData);

        var wrapped = new byte[NonceSize + dataKey.Length + TagSize];
        var nonce = wrapped.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, dataKey, wrapped.AsSpan(NonceSize, dataKey.Length), wrapped.AsSpan(NonceSize + dataKey.Length), associatedData);
        return Task.FromResult(wrapped);
    }

    public Task<byte[]> UnwrapAsync(string keyId, byte[] wrappedKey, byte[] associatedData, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(wrappedKey);
        ArgumentNullException.ThrowIfNull(associatedData);

        if (!string.Equals(keyId, KeyId, StringComparison.Ordinal))
        {
            throw new CryptographicException($"The data key was wrapped by key '{keyId}', not by this key '{KeyId}'.");
        }

        if (wrappedKey.Length <= NonceSize + TagSize)
        {
            throw new CryptographicException($"The wrapped data key is {wrappedKey.Length} bytes, too short to be one.");
        }

        var dataKey = new byte[wrappedKey.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(
            wrappedKey.AsSpan(0, NonceSize),
            wrappedKey.AsSpan(NonceSize, dataKey.Length),
            wrappedKey.AsSpan(NonceSize + dataKey.Length),
            dataKey,
            associatedData);
        return Task.FromResult(dataKey);
    }
}
