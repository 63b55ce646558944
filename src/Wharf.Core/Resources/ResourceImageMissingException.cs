namespace Wharf.Core.Resources;

/// <summary>A resource's image is not on the engine and could not be pulled (no registry reachable, or no such tag).</summary>
public sealed class ResourceImageMissingException : Exception
{
    public ResourceImageMissingException()
    {
    }

    public ResourceImageMissingException(string message)
        : base(message)
    {
    }

    public ResourceImageMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ResourceImageMissingException(string image, string reason)
        : base($"image {image} is not on this Docker engine and pulling it failed: {reason}")
    {
        Image = image;
    }

    public string? Image { get; }
}
