using System.Security.Cryptography;
using Wharf.Core.State;

namespace Wharf.Core.Auth;

/// <summary>Turns a presented bearer token into the <see cref="Actor"/> it stands for, or null when unknown.</summary>
public sealed class TokenAuthenticator(IStateStore state, AdminToken admin)
{
    // Real tokens are ~50 characters; anything far longer is not one of ours and is not worth hashing.
    private const int MaxTokenLength = 512;

    public async Task<Actor?> AuthenticateAsync(string? presented, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(presented) || presented.Length > MaxTokenLength)
        {
            return null;
        }

        // Only hashes are compared, always in constant time, so timing says nothing about how much matched.
        var hash = TokenSecrets.Hash(presented.Trim());
        if (CryptographicOperations.FixedTimeEquals(hash, admin.Hash))
        {
            return Actor.Admin;
        }

        var token = await state.Tokens.FindByHashAsync(hash, ct);
        if (token is null || !CryptographicOperations.FixedTimeEquals(hash, token.Hash))
        {
            return null;
        }

        return new Actor(token.Name, token.Role);
    }
}
