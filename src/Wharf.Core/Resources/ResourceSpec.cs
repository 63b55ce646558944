using System.Security.Cryptography;
using System.Text;
using Wharf.Manifest;

namespace Wharf.Core.Resources;

/// <summary>
/// What the runtime starts for a resource: one container of <see cref="Image"/> on the app's network, answering to
/// the resource's name, with a named volume at <see cref="DataPath"/>. Holds the password: memory only.
/// </summary>
public sealed record ResourceSpec
{
    public required string App { get; init; }

    public required string Name { get; init; }

    public required ResourceType Type { get; init; }

    public required string Image { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Arguments for the image's entrypoint, or null for its own command.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Where the data volume is mounted in the container.</summary>
    public required string DataPath { get; init; }

    public required int Port { get; init; }

    /// <summary>
    /// A digest of everything that shapes the container. A running container with another fingerprint is replaced;
    /// one-way, so it can sit in a label although it covers the password.
    /// </summary>
    public string Fingerprint()
    {
        var text = new StringBuilder()
            .Append(Type).Append('\n')
            .Append(Image).Append('\n')
            .Append(DataPath).Append('\n')
            .Append(Port).Append('\n');
        foreach (var (key, value) in Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(value).Append('\0');
        }

        text.Append('\n');
        foreach (var argument in Command ?? [])
        {
            text.Append(argument).Append('\0');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
