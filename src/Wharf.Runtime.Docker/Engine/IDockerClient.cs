using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Engine.Images;
using Wharf.Runtime.Docker.Engine.Networks;
using Wharf.Runtime.Docker.Engine.System;
using Wharf.Runtime.Docker.Engine.Volumes;

namespace Wharf.Runtime.Docker.Engine;

/// <summary>
/// A typed client for one Docker engine, split by area so a caller (and its test fakes) only deals
/// with the part it uses.
/// </summary>
public interface IDockerClient
{
    /// <summary>unix:///path/to/docker.sock: where this client looks for the engine.</summary>
    string Endpoint { get; }

    IDockerSystem System { get; }

    IDockerImages Images { get; }

    IDockerContainers Containers { get; }

    IDockerExec Exec { get; }

    IDockerNetworks Networks { get; }

    IDockerVolumes Volumes { get; }
}
