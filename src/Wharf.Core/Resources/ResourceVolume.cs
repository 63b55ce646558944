using Wharf.Manifest;

namespace Wharf.Core.Resources;

/// <summary>The named volume that holds one resource's data.</summary>
/// <param name="Resource">The resource's name.</param>
/// <param name="Name">The volume's name on the engine.</param>
/// <param name="Type">The kind of resource it was made for, when its labels say.</param>
public sealed record ResourceVolume(string Resource, string Name, ResourceType? Type, DateTimeOffset CreatedAt);
