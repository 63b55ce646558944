using System.Globalization;
using Microsoft.Extensions.Logging;
using Wharf.Runtime.Docker.Engine.System;

namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>
/// Asks the engine once which API it speaks and settles on min(engine, ours). A failure is not
/// remembered: the next request asks again, so a client made before dockerd started still works.
/// </summary>
internal sealed class ApiVersionNegotiator(Version maxVersion, string endpoint, ILogger logger) : IDisposable
{
    private static readonly Version _minVersion = Version.Parse(DockerApiVersions.Min);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _negotiated;

    public async ValueTask<string> GetAsync(Func<CancellationToken, Task<EngineVersion>> readVersion, CancellationToken ct)
    {
        if (_negotiated is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_negotiated is null)
            {
                var version = await readVersion(ct);
                _negotiated = Choose(version);
                DockerLog.ApiNegotiated(logger, version.Version, endpoint, version.ApiVersion, _negotiated);
            }

            return _negotiated;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    internal string Choose(EngineVersion version)
    {
        if (!Version.TryParse(version.ApiVersion, out var server))
        {
            throw new DockerEngineException(
                $"The Docker engine at {endpoint} reported API version '{version.ApiVersion}', which is not a version number.");
        }

        if (server < _minVersion)
        {
            throw new DockerEngineException(
                $"The Docker engine at {endpoint} speaks API {version.ApiVersion} (engine {version.Version}); Wharf needs {DockerApiVersions.Min} or newer: upgrade Docker to 20.10 or later.");
        }

        var chosen = server < maxVersion ? server : maxVersion;
        return string.Create(CultureInfo.InvariantCulture, $"{chosen.Major}.{chosen.Minor}");
    }
}
