namespace Wharf.Runtime.Docker.Engine.System;

/// <summary>The engine itself: is it there, what is it, what is happening.</summary>
public interface IDockerSystem
{
    /// <summary>Throws a <see cref="DockerEngineException"/> saying where the engine was looked for when it does not answer.</summary>
    Task PingAsync(CancellationToken ct = default);

    Task<EngineVersion> GetVersionAsync(CancellationToken ct = default);

    /// <summary>The API version this client uses with the engine: min(engine's, <see cref="DockerApiVersions.Max"/>).</summary>
    Task<string> GetApiVersionAsync(CancellationToken ct = default);

    Task<EngineInfo> GetInfoAsync(CancellationToken ct = default);

    /// <summary>Streams events until the token is cancelled (or <see cref="EventsQuery.Until"/> passes).</summary>
    IAsyncEnumerable<DockerEvent> StreamEventsAsync(EventsQuery query, CancellationToken ct = default);
}
