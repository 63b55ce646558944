namespace Wharf.Server.Tests.Infrastructure;

/// <summary>The RFC 7807 fields the API promises (ApiRoutes.md).</summary>
public sealed record ProblemBody(string? Type, string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors);
