namespace Wharf.Core.Metrics;

/// <summary>The router's request counters as read at <paramref name="At"/>.</summary>
public sealed record RequestSnapshot(DateTimeOffset At, IReadOnlyList<RequestCounters> Counters);
