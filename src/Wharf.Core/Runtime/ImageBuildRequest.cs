namespace Wharf.Core.Runtime;

/// <summary>Build one image from a tar context.</summary>
/// <param name="Context">A tar stream whose root is the build directory.</param>
/// <param name="Dockerfile">Path of the Dockerfile inside the context.</param>
/// <param name="Tag">The image reference to tag, e.g. "wharf/hello-web:3".</param>
public sealed record ImageBuildRequest(
    Stream Context,
    string Dockerfile,
    IReadOnlyDictionary<string, string> Arguments,
    string Tag);
