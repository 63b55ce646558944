namespace Wharf.Core.Crypto;

/// <summary>
/// A key-encryption key that wraps and unwraps data keys: a local key file, or a cloud KMS.
/// Implementations are picked by <see cref="Name"/> from configuration.
/// </summary>
public interface IKeyEncryptionKey
{
    /// <summary>The configuration name of this implementation, e.g. "local".</summary>
    string Name { get; }

    /// <summary>Identifies the key material, stored with each sealed value.</summary>
    string KeyId { get; }

    Task<byte[]> WrapAsync(byte[] dataKey, byte[] associatedData, CancellationToken ct = default);

    /// <summary>Unwraps a data key; throws <see cref="System.Security.Cryptography.CryptographicException"/> when it was not wrapped by this key with this associated data.</summary>
    Task<byte[]> UnwrapAsync(string keyId, byte[] wrappedKey, byte[] associatedData, CancellationToken ct = default);
}
