using Wharf.Manifest;

namespace Wharf.Core.Resources;

/// <summary>The kinds of resource Wharf provisions, by <see cref="ResourceType"/>.</summary>
public static class ResourceKinds
{
    private static readonly ResourceKind _postgres = new PostgresResource();
    private static readonly ResourceKind _redis = new RedisResource();

    public static ResourceKind For(ResourceType type) => type switch
    {
        ResourceType.Postgres => _postgres,
        ResourceType.Redis => _redis,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Wharf has no such kind of resource."),
    };
}
