namespace Wharf.Core.Runtime;

/// <summary>Builds and keeps images where the runtime can start them.</summary>
public interface IImageBuilder
{
    /// <summary>
    /// Builds and tags the image, sending each output line to <paramref name="output"/> as it comes; returns the image id.
    /// Throws <see cref="ImageBuildException"/> when the build itself fails.
    /// </summary>
    Task<string> BuildAsync(ImageBuildRequest request, Func<string, CancellationToken, Task> output, CancellationToken ct = default);

    Task<bool> ExistsAsync(string image, CancellationToken ct = default);

    /// <summary>Gives an existing image another name (reusing a build whose context did not change).</summary>
    Task TagAsync(string image, string tag, CancellationToken ct = default);
}
