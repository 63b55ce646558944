using System.Collections.ObjectModel;

namespace Wharf.Manifest;

/// <summary>How to build a service's image from the app's source.</summary>
public sealed record ServiceBuild
{
    /// <summary>The build context, relative to the directory holding wharf.yml.</summary>
    public string Path { get; init; } = ".";

    /// <summary>The Dockerfile, relative to <see cref="Path"/>.</summary>
    public string Dockerfile { get; init; } = "Dockerfile";

    /// <summary>Docker build arguments, in file order.</summary>
    public IReadOnlyDictionary<string, string> Args { get; init; } = ReadOnlyDictionary<string, string>.Empty;
}
