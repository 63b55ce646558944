using System.Security.Cryptography;
using Wharf.Core.Crypto;

namespace Wharf.Core.Tests.Fakes;

/// <summary>Wraps data keys with AES-GCM under a key made per instance, binding them to the associated data.</summary>
public sealed class FakeKeyEncryptionKey : IKeyEncryptionKey
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Name => "fake";

    public string KeyId => "fake-1";

    public int Unwraps { get; private set; }

    public Task<byte[]> WrapAsync(byte[] dataKey, byte[] associatedData, CancellationToken ct = default)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var wrapped = new byte[12 + dataKey.Length + 16];
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(nonce, dataKey, wrapped.AsSpan(12, dataKey.Length), wrapped.AsSpan(12 + dataKey.Length), associatedData);
        nonce.CopyTo(wrapped, 0);
        return Task.FromResult(wrapped);
    }

    public Task<byte[]> UnwrapAsync(string keyId, byte[] wrappedKey, byte[] associatedData, CancellationToken ct = default)
    {
        Unwraps++;
        var dataKey = new byte[wrappedKey.Length - 28];
        using var aes = new AesGcm(_key, 16);
        aes.Decrypt(wrappedKey.AsSpan(0, 12), wrappedKey.AsSpan(12, dataKey.Length), wrappedKey.AsSpan(12 + dataKey.Length), dataKey, associatedData);
        return Task.FromResult(dataKey);
    }
}
