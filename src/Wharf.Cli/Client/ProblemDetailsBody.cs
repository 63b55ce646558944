namespace Wharf.Cli.Client;

/// <summary>The RFC 7807 fields the API fills in (see ApiRoutes.md).</summary>
internal sealed record ProblemDetailsBody(
    string? Title,
    int? Status,
    string? Detail,
    IReadOnlyDictionary<string, string[]>? Errors);
