namespace Wharf.Runtime.Docker.Tests.TestSupport;

public static class TestCategories
{
    /// <summary>Tests that talk to a real Docker engine: [Trait("Category", "Docker")]. They fail, never skip, without one.</summary>
    public const string Docker = "Docker";
}
