namespace Wharf.Runtime.Docker.Engine;

/// <summary>The Engine API versions this client was written against.</summary>
public static class DockerApiVersions
{
    /// <summary>
    /// The oldest engine API we accept: Debian 12's docker.io (20.10) speaks 1.41, and the wait
    /// conditions, NanoCpus and one-shot stats we rely on are all there.
    /// </summary>
    public const string Min = "1.41";

    /// <summary>The newest engine API whose request and response shapes we have checked.</summary>
    public const string Max = "1.45";
}
