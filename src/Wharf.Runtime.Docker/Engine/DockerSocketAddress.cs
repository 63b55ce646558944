namespace Wharf.Runtime.Docker.Engine;

/// <summary>Resolves which unix socket the engine listens on, the way the docker CLI does.</summary>
public static class DockerSocketAddress
{
    /// <summary>Where dockerd listens unless told otherwise.</summary>
    public const string DefaultSocketPath = "/var/run/docker.sock";

    private const string UnixScheme = "unix://";

    /// <summary>
    /// The explicit path wins, then DOCKER_HOST, then the default. Only unix sockets are supported:
    /// a tcp:// DOCKER_HOST would need TLS client certificates, which Wharf does not manage.
    /// </summary>
    public static string Resolve(string? socketPath, string? dockerHost)
    {
        if (!string.IsNullOrWhiteSpace(socketPath))
        {
            return socketPath;
        }

        if (string.IsNullOrWhiteSpace(dockerHost))
        {
            return DefaultSocketPath;
        }

        if (!dockerHost.StartsWith(UnixScheme, StringComparison.Ordinal) || dockerHost.Length == UnixScheme.Length)
        {
            throw new ArgumentException(
                $"DOCKER_HOST '{dockerHost}' is not a unix socket: Wharf talks to the engine over unix:///path/to/docker.sock only; unset DOCKER_HOST or set Docker:SocketPath.",
                nameof(dockerHost));
        }

        return dockerHost[UnixScheme.Length..];
    }
}
