using Wharf.Cli.Tests.Infrastructure;

namespace Wharf.Cli.Tests;

/// <summary>The README's tour, command for command, as a new user runs it after <c>wharf login</c>.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ReadmeFlowTests(ServerFixture server)
{
    [Fact]
    public async Task ReadmeTour_CreateSetList_ShowsReleaseOne()
    {
        using var user = new CliSession();
        Assert.Equal(0, (await user.RunAsync("login", server.Url, "--token", server.AdminToken)).ExitCode);

        var create = await user.RunAsync("apps", "create", "hello");
        var set = await user.RunAsync("env", "set", "-a", "hello", "FOO=bar");
        var releases = await user.RunAsync("releases", "-a", "hello");

        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.True(releases.ExitCode == 0, releases.ToString());
        var rows = releases.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("v1", rows[1], StringComparison.Ordinal);
        Assert.Contains("current", rows[1], StringComparison.Ordinal);
    }
}
