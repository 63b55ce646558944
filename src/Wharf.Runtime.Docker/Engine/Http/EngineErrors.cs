using System.Text.RegularExpressions;

namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>
/// Turns the engine's most common error messages into sentences that say what is wrong and what to do.
/// The engine's wording is stable across 20.10-26.x for these; anything unrecognised passes through.
/// </summary>
internal static partial class EngineErrors
{
    public static DockerEngineException ToException(int statusCode, string? engineMessage, string operation)
    {
        var message = string.IsNullOrWhiteSpace(engineMessage) ? $"HTTP {statusCode}" : engineMessage.Trim();
        var sentence = Translate(message) ?? $"Docker engine error on {operation} (HTTP {statusCode}): {message}";
        return new DockerEngineException(sentence, statusCode, engineMessage);
    }

    public static string? Translate(string message)
    {
        if (PortAllocated().Match(message) is { Success: true } allocated)
        {
            return PortInUse(allocated.Groups["address"].Value);
        }

        if (AddressInUse().Match(message) is { Success: true } inUse)
        {
            return PortInUse(inUse.Groups["address"].Value);
        }

        if (NoSuchImage().Match(message) is { Success: true } image)
        {
            return $"image {image.Groups["name"].Value} not found: build it first or check the name";
        }

        if (NoSuchContainer().Match(message) is { Success: true } container)
        {
            return $"container {container.Groups["name"].Value} not found: it may have been removed already";
        }

        if (NoSuchNetwork().Match(message) is { Success: true } network)
        {
            return $"network {network.Groups["name"].Value} not found: create it first or check the name";
        }

        if (NoSuchVolume().Match(message) is { Success: true } volume)
        {
            return $"volume {volume.Groups["name"].Value} not found: create it first or check the name";
        }

        if (NoDockerfile().Match(message) is { Success: true } dockerfile)
        {
            return $"Dockerfile not found at {dockerfile.Groups["path"].Value} in the build context: add it to the context or pass its path";
        }

        if (NameInUse().Match(message) is { Success: true } name)
        {
            return $"container name {name.Groups["name"].Value} is already in use by container {Short(name.Groups["id"].Value)}: remove that container or choose another name";
        }

        if (NetworkExists().Match(message) is { Success: true } existing)
        {
            return $"network {existing.Groups["name"].Value} already exists: remove it or choose another name";
        }

        if (NetworkHasEndpoints().Match(message) is { Success: true } endpoints)
        {
            return $"network {endpoints.Groups["name"].Value} still has containers attached: disconnect or remove them first";
        }

        if (VolumeInUse().Match(message) is { Success: true } busy)
        {
            return $"volume {busy.Groups["name"].Value} is in use by container(s) {busy.Groups["ids"].Value}: remove them first";
        }

        if (NotRunning().Match(message) is { Success: true } stopped)
        {
            return $"container {Short(stopped.Groups["id"].Value)} is not running";
        }

        if (ImageInUse().Match(message) is { Success: true } used)
        {
            return $"image {used.Groups["image"].Value} is used by container {Short(used.Groups["id"].Value)}: remove that container first or force the removal";
        }

        if (RegistryUnreachable().Match(message) is { Success: true } registry)
        {
            return $"registry {registry.Groups["host"].Value} is not reachable: start it or check the image name's registry part";
        }

        return null;
    }

    private static string PortInUse(string address) =>
        $"port {address} is already in use by another container or process: stop it or choose another port";

    private static string Short(string id) => id.Length > 12 && id.All(char.IsAsciiHexDigitLower) ? id[..12] : id;

    [GeneratedRegex(@"Bind for (?<address>\S+?) failed: port is already allocated")]
    private static partial Regex PortAllocated();

    [GeneratedRegex(@"listen tcp[46]? (?<address>\S+): bind: address already in use")]
    private static partial Regex AddressInUse();

    [GeneratedRegex(@"(?:No such image|image does not exist locally with the tag): (?<name>\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex NoSuchImage();

    [GeneratedRegex(@"No such container: (?<name>\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex NoSuchContainer();

    [GeneratedRegex(@"(?:No such network: (?<name>\S+)|network (?<name>\S+) not found)", RegexOptions.IgnoreCase)]
    private static partial Regex NoSuchNetwork();

    [GeneratedRegex(@"get (?<name>\S+): no such volume", RegexOptions.IgnoreCase)]
    private static partial Regex NoSuchVolume();

    [GeneratedRegex(@"Cannot locate specified Dockerfile: (?<path>.+)$")]
    private static partial Regex NoDockerfile();

    [GeneratedRegex(@"container name ""/?(?<name>[^""]+)"" is already in use by container ""(?<id>[^""]+)""")]
    private static partial Regex NameInUse();

    [GeneratedRegex(@"network with name (?<name>\S+) already exists")]
    private static partial Regex NetworkExists();

    [GeneratedRegex(@"network (?<name>\S+) (?:id \S+ )?has active endpoints")]
    private static partial Regex NetworkHasEndpoints();

    [GeneratedRegex(@"remove (?<name>\S+): volume is in use - \[(?<ids>[^\]]*)\]")]
    private static partial Regex VolumeInUse();

    [GeneratedRegex(@"Container (?<id>\S+) is not running", RegexOptions.IgnoreCase)]
    private static partial Regex NotRunning();

    [GeneratedRegex(@"unable to (?:delete|remove repository reference) ""?(?<image>[^"" ]+)""? \(must (?:be )?force(?:d)?\) - (?:container (?<id>[0-9a-f]+) is using|image is being used by (?:stopped |running )?container (?<id>[0-9a-f]+))")]
    private static partial Regex ImageInUse();

    [GeneratedRegex(@"dial tcp (?<host>[^:\s]+:\d+): connect: connection refused")]
    private static partial Regex RegistryUnreachable();
}
