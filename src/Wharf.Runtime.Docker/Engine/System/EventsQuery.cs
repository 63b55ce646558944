namespace Wharf.Runtime.Docker.Engine.System;

/// <summary>Which events to stream. Since reaches back into the engine's recent events, so a
/// subscriber started just after an action still sees it.</summary>
public sealed record EventsQuery
{
    public DockerFilters Filters { get; init; } = DockerFilters.None;

    public DateTimeOffset? Since { get; init; }

    /// <summary>When set, the stream ends at this time instead of following.</summary>
    public DateTimeOffset? Until { get; init; }
}
