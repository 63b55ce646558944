namespace Wharf.Runtime.Docker.Tests.Runtime;

/// <summary>
/// One collection: the busybox image is built once, and the timing-sensitive tests (stop grace) do not compete
/// for the two cores with each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RuntimeTestGroup : ICollectionFixture<RuntimeFixture>
{
    public const string Name = "Docker runtime";
}
