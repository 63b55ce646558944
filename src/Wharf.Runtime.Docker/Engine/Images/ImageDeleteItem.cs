namespace Wharf.Runtime.Docker.Engine.Images;

/// <summary>What removing an image did: a tag untagged or a layer deleted.</summary>
public sealed record ImageDeleteItem
{
    public string? Untagged { get; init; }

    public string? Deleted { get; init; }
}
