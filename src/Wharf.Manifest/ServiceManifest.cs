namespace Wharf.Manifest;

/// <summary>One long-running service of an app: a web process, a worker, an internal API.</summary>
public sealed record ServiceManifest
{
    public required string Name { get; init; }

    /// <summary>Build the image from source; exactly one of <see cref="Build"/> and <see cref="Image"/> is set.</summary>
    public ServiceBuild? Build { get; init; }

    /// <summary>Run a prebuilt image; exactly one of <see cref="Build"/> and <see cref="Image"/> is set.</summary>
    public string? Image { get; init; }

    /// <summary>Overrides the image's command; null runs the image's own.</summary>
    public ManifestCommand? Command { get; init; }

    /// <summary>The port the process listens on; null for services that take no traffic (workers).</summary>
    public int? Port { get; init; }

    /// <summary>Host names the router sends to this service, lower-cased; a leading <c>*.</c> matches one label.</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>Variables this service adds to the app-wide ones; see <see cref="AppManifest.EnvironmentFor"/>.</summary>
    public IReadOnlyList<EnvDeclaration> Environment { get; init; } = [];

    public ServiceHealth Health { get; init; } = new();

    public ServiceScale Scale { get; init; } = new();

    /// <summary>Names of the app's resources this service is linked to, in file order.</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    public ServiceTermination Termination { get; init; } = new();

    public ServiceDeployment Deployment { get; init; } = new();

    /// <summary>Reachable only from the app's other services, never through the public router.</summary>
    public bool Internal { get; init; }

    /// <summary>At most one process ever runs, even during a deploy (schedulers, consumers that must not overlap).</summary>
    public bool Singleton { get; init; }

    /// <summary>How long the router waits for a response before answering 504.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}
