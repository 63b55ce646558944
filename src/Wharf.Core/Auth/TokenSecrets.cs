using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Wharf.Core.Auth;

/// <summary>Makes token secrets and ids, and the SHA-256 hashes that are all the store ever keeps.</summary>
public static class TokenSecrets
{
    public const string Prefix = "wharf_";

    /// <summary>A new secret: "wharf_" + 32 random bytes in base64url (no padding).</summary>
    public static string NewSecret() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new public id: "tok_" + 8 hex digits.</summary>
    public static string NewId() => "tok_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
