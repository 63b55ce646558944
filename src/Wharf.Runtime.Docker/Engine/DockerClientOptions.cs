namespace Wharf.Runtime.Docker.Engine;

/// <summary>Where the Docker engine listens and how long ordinary requests may take.</summary>
public sealed class DockerClientOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Docker";

    /// <summary>The engine's unix socket. When null, DOCKER_HOST (unix:// only) and then /var/run/docker.sock are used.</summary>
    public string? SocketPath { get; set; }

    /// <summary>The newest Engine API version this client speaks; the engine's own, when lower, wins.</summary>
    public string MaxApiVersion { get; set; } = DockerApiVersions.Max;

    /// <summary>
    /// The limit for requests that answer promptly (inspect, create, list...). Streams (logs, events, build,
    /// wait) are bounded only by the caller's cancellation token; stop adds the grace period to it.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
