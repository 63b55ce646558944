namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>
/// Publishes a container port on the host. Loopback by default: Wharf's router is the only thing
/// that should reach app processes, never the outside world directly.
/// </summary>
/// <param name="HostPort">0 lets the engine pick a free port (read it back from inspect).</param>
public sealed record PortMapping(int ContainerPort, int HostPort = 0, string HostIp = "127.0.0.1", string Protocol = "tcp")
{
    /// <summary>The engine's key for the port: "8080/tcp".</summary>
    public string Key => $"{ContainerPort}/{Protocol}";
}
