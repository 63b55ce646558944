namespace Wharf.Core.Crypto;

/// <summary>An envelope-encrypted value: AES-256-GCM ciphertext under a fresh data key that is itself wrapped by a key-encryption key.</summary>
/// <param name="KeyId">Which key-encryption key wrapped <paramref name="WrappedKey"/>.</param>
public sealed record SealedBox(string KeyId, byte[] WrappedKey, byte[] Nonce, byte[] Ciphertext, byte[] Tag);
