namespace Wharf.Core.Api;

/// <param name="Role">"read", "deploy" or "admin".</param>
public sealed record CreateTokenRequest(string Name, string Role);
