namespace Wharf.Storage.Tests.TestSupport;

/// <summary>
/// Integration tests need real servers; a missing one is a failure with instructions, never a skip, so a green run
/// always means the PostgreSQL and S3 code paths ran.
/// </summary>
public static class RequiredEnvironment
{
    public static string Get(string name, string startedBy) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The environment variable {name} is not set, so this test has no server to run against. "
                + $"Run the suite with 'scripts/test', or start the server yourself with "
                + $"'source scripts/lib/{startedBy}' and run 'dotnet test tests/Wharf.Storage.Tests' from that shell.");
}
