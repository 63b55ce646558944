using System.Security.Cryptography;
using Wharf.Core.Crypto;

namespace Wharf.Core.Tests.Crypto;

/// <summary>
/// An in-memory AES-GCM key-encryption key that keeps the data-key arrays it was handed, so tests can see that
/// every seal used a new data key and that the cipher wiped it afterwards.
/// </summary>
public sealed class RecordingKeyEncryptionKey(string keyId = "test-key-1") : IKeyEncryptionKey
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Name => "recording";

    public string KeyId => keyId;

    /// <summary>The very arrays passed to <see cref="WrapAsync"/>, plus a copy taken at the time.</summary>
    public List<(byte[] Passed, byte[] Copy)> Wrapped { get; } = [];

    public Task<byte[]> WrapAsync(byte[] dataKey, byte[] associatedData, CancellationToken ct = default)
    {
        Wrapped.Add((dataKey, dataKey.ToArray()));
        var wrapped = new byte[12 + dataKey.Length + 16];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, 12));
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(wrapped.AsSpan(0, 12), dataKey, wrapped.AsSpan(12, dataKey.Length), wrapped.AsSpan(12 + dataKey.Length), associatedData);
        return Task.FromResult(wrapped);
    }

    public Task<byte[]> UnwrapAsync(string keyId, byte[] wrappedKey, byte[] associatedData, CancellationToken ct = default)
    {
        if (keyId != KeyId)
        {
            throw new CryptographicException($"Wrapped by '{keyId}', not '{KeyId}'.");
        }

        var dataKey = new byte[wrappedKey.Length - 28];
        using var aes = new AesGcm(_key, 16);
        aes.Decrypt(wrappedKey.AsSpan(0, 12), wrappedKey.AsSpan(12, dataKey.Length), wrappedKey.AsSpan(12 + dataKey.Length), dataKey, associatedData);
        return Task.FromResult(dataKey);
    }
}
