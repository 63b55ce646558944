namespace Wharf.Core.Api;

public sealed record BuildInfo(
    string App,
    int Number,
    string Status,
    IReadOnlyDictionary<string, string> Images,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);
