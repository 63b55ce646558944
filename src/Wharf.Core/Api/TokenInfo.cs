namespace Wharf.Core.Api;

/// <param name="Secret">The bearer token itself; only returned once, when it is created.</param>
public sealed record TokenInfo(string Id, string Name, string Role, DateTimeOffset CreatedAt, string? Secret);
