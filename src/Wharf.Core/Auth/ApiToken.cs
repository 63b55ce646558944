namespace Wharf.Core.Auth;

/// <summary>A minted API token. Only the SHA-256 hash of the secret is stored.</summary>
/// <param name="Id">Short public identifier, e.g. "tok_3f9a1c2e".</param>
public sealed record ApiToken(string Id, string Name, Role Role, byte[] Hash, DateTimeOffset CreatedAt);
