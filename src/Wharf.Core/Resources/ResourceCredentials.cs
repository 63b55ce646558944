using System.Security.Cryptography;

namespace Wharf.Core.Resources;

/// <summary>How an app logs in to one of its resources. Plaintext: keep it in memory only, never log it.</summary>
/// <param name="Database">The database name (PostgreSQL) or number (Redis).</param>
public sealed record ResourceCredentials(string User, string Password, string Database)
{
    private const int PasswordBytes = 32;

    /// <summary>A fresh random password: 256 bits in URL-safe characters, so it needs no escaping in a URL.</summary>
    public static string NewPassword() => Base64Url(RandomNumberGenerator.GetBytes(PasswordBytes));

    public override string ToString() => $"ResourceCredentials {{ User = {User}, Password = ********, Database = {Database} }}";

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
