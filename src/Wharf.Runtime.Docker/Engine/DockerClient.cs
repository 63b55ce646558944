using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Engine.Http;
using Wharf.Runtime.Docker.Engine.Images;
using Wharf.Runtime.Docker.Engine.Networks;
using Wharf.Runtime.Docker.Engine.System;
using Wharf.Runtime.Docker.Engine.Volumes;

namespace Wharf.Runtime.Docker.Engine;

/// <summary>
/// The Docker Engine API over its unix socket. Nothing is sent until the first call, which also
/// settles the API version, so a client can be made before dockerd is up. Thread-safe; one per engine.
/// </summary>
public sealed class DockerClient : IDockerClient, IDisposable
{
    private readonly DockerHttp _http;

    public DockerClient(DockerClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // DI validates on start; a client made by hand gets the same sentences instead of a FormatException.
        if (new DockerClientOptionsValidator().Validate(null, options) is { Failed: true } invalid)
        {
            throw new ArgumentException(invalid.FailureMessage, nameof(options));
        }

        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DockerClient>();
        _http = new DockerHttp(options, logger);
        System = new DockerSystem(_http);
        Images = new DockerImages(_http, logger);
        Containers = new DockerContainers(_http);
        Exec = new DockerExec(_http);
        Networks = new DockerNetworks(_http);
        Volumes = new DockerVolumes(_http);
    }

    public string Endpoint => _http.Endpoint;

    public IDockerSystem System { get; }

    public IDockerImages Images { get; }

    public IDockerContainers Containers { get; }

    public IDockerExec Exec { get; }

    public IDockerNetworks Networks { get; }

    public IDockerVolumes Volumes { get; }

    public void Dispose() => _http.Dispose();
}
