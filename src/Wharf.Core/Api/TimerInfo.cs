namespace Wharf.Core.Api;

/// <summary>A timer of the current release, when it runs next and how its last runs went.</summary>
/// <param name="Concurrency">"forbid", "allow" or "replace".</param>
/// <param name="NextRun">The next time it fires (UTC).</param>
/// <param name="LastRuns">Newest first.</param>
public sealed record TimerInfo(
    string Name,
    string Schedule,
    string Service,
    string Concurrency,
    IReadOnlyList<string> Command,
    DateTimeOffset? NextRun,
    IReadOnlyList<TimerRunInfo> LastRuns);
