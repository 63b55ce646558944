using Microsoft.Extensions.Options;

namespace Wharf.Runtime.Docker.Engine;

/// <summary>Rejects unusable Docker settings at start, all problems at once, each naming its setting.</summary>
internal sealed class DockerClientOptionsValidator : IValidateOptions<DockerClientOptions>
{
    public ValidateOptionsResult Validate(string? name, DockerClientOptions options)
    {
        var errors = new List<string>();
        if (options.SocketPath is { } path && !Path.IsPathRooted(path))
        {
            errors.Add($"{DockerClientOptions.SectionName}:SocketPath '{path}' must be an absolute path to the engine's unix socket (e.g. /var/run/docker.sock).");
        }

        if (!Version.TryParse(options.MaxApiVersion, out var max) || max < Version.Parse(DockerApiVersions.Min))
        {
            errors.Add($"{DockerClientOptions.SectionName}:MaxApiVersion '{options.MaxApiVersion}' must be a version like {DockerApiVersions.Max}, at least {DockerApiVersions.Min}.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{DockerClientOptions.SectionName}:RequestTimeout must be positive (e.g. 00:01:40).");
        }

        try
        {
            DockerSocketAddress.Resolve(options.SocketPath, Environment.GetEnvironmentVariable("DOCKER_HOST"));
        }
        catch (ArgumentException e)
        {
            errors.Add(e.Message);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
