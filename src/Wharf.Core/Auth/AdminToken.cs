namespace Wharf.Core.Auth;

/// <summary>
/// The admin token (the contents of DATA/admin.token), held only as its SHA-256 hash so it is compared like
/// any other token: in constant time.
/// </summary>
public sealed class AdminToken
{
    private readonly byte[] _hash;

    private AdminToken(byte[] hash)
    {
        _hash = hash;
    }

    public static AdminToken FromSecret(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        return new AdminToken(TokenSecrets.Hash(secret.Trim()));
    }

    public ReadOnlySpan<byte> Hash => _hash;
}
