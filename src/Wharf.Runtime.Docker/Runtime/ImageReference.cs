namespace Wharf.Runtime.Docker.Runtime;

/// <summary>An image name split the way the engine's tag call wants it: repository and tag apart.</summary>
internal sealed record ImageReference(string Repository, string Tag)
{
    private const string DefaultTag = "latest";

    /// <summary>
    /// "wharf/web:3" → (wharf/web, 3); "127.0.0.1:5000/web" → (127.0.0.1:5000/web, latest): a colon before the
    /// last slash belongs to a registry's port, not to the tag.
    /// </summary>
    public static ImageReference Parse(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (reference.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{reference}' names an image by digest; a tag name is needed to tag an image.", nameof(reference));
        }

        var colon = reference.LastIndexOf(':');
        var slash = reference.LastIndexOf('/');
        return colon > slash && colon < reference.Length - 1
            ? new ImageReference(reference[..colon], reference[(colon + 1)..])
            : new ImageReference(reference.TrimEnd(':'), DefaultTag);
    }

    public override string ToString() => $"{Repository}:{Tag}";
}
