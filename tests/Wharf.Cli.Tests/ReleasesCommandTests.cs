using System.Text.Json;
using Wharf.Cli.Tests.Infrastructure;
using Wharf.Core.Api;

namespace Wharf.Cli.Tests;

[Collection(ServerCollectionDefinition.Name)]
public sealed class ReleasesCommandTests(ServerFixture server)
{
    [Fact]
    public async Task Releases_AfterThreeChanges_ListsThemNewestFirstWithTheCurrentMarked()
    {
        using var user = server.Admin();
        var app = await AppWithThreeReleasesAsync(user);

        var releases = await user.RunAsync("releases", "-a", app);

        Assert.True(releases.ExitCode == 0, releases.ToString());
        var lines = releases.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["v3", "v2", "v1"], lines.Skip(1).Select(line => line.Split(' ')[0]));
        Assert.Contains("current", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("current", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Releases_Json_ParsesAsTheApiDtos()
    {
        using var user = server.Admin();
        var app = await AppWithThreeReleasesAsync(user);

        var releases = await user.RunAsync("releases", "-a", app, "--json");

        var list = JsonSerializer.Deserialize<List<ReleaseInfo>>(releases.Stdout, JsonSerializerOptions.Web)!;
        Assert.Equal([3, 2, 1], list.Select(r => r.Version));
        Assert.True(list[0].Current);
    }

    [Fact]
    public async Task ReleasesInfo_Release_ShowsItsEnvKeysButNoValues()
    {
        using var user = server.Admin();
        var app = await AppWithThreeReleasesAsync(user);

        var info = await user.RunAsync("releases", "info", "-a", app, "2");

        Assert.True(info.ExitCode == 0, info.ToString());
        Assert.Contains("v2", info.Stdout, StringComparison.Ordinal);
        Assert.Contains("KEEP", info.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", info.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleasesInfo_MissingRelease_ExitsNotFound()
    {
        using var user = server.Admin();
        var app = await AppWithThreeReleasesAsync(user);

        var info = await user.RunAsync("releases", "info", "-a", app, "99");

        Assert.True(info.ExitCode == 5, info.ToString());
    }

    [Fact]
    public async Task ReleasesDiff_FirstToLast_ShowsKeysAddedRemovedAndChangedWithValuesMasked()
    {
        using var user = server.Admin();
        var app = await AppWithThreeReleasesAsync(user);

        var diff = await user.RunAsync("releases", "diff", "-a", app, "1", "3");

        Assert.True(diff.ExitCode == 0, diff.ToString());
        Assert.Contains("+ ADDED", diff.Stdout, StringComparison.Ordinal);
        Assert.Contains("- GONE", diff.Stdout, StringComparison.Ordinal);
        Assert.Contains("~ CHANGED", diff.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", diff.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("KEEP", diff.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleasesDiff_Json_ParsesAsTheApiDto()
    {
        using var user = server.Admin();
        var app = await AppWithThreeReleasesAsync(user);

        var diff = await user.RunAsync("releases", "diff", "-a", app, "1", "3", "--json");

        var parsed = JsonSerializer.Deserialize<ReleaseDiff>(diff.Stdout, JsonSerializerOptions.Web)!;
        Assert.Equal(["ADDED"], parsed.EnvAdded);
        Assert.Equal(["GONE"], parsed.EnvRemoved);
        Assert.Equal(["CHANGED"], parsed.EnvChanged);
    }

    /// <summary>v1 sets KEEP, GONE, CHANGED; v2 changes CHANGED and adds ADDED; v3 removes GONE.</summary>
    private static async Task<string> AppWithThreeReleasesAsync(CliSession user)
    {
        var app = AppNames.Unique("rel");
        Assert.Equal(0, (await user.RunAsync("apps", "create", app)).ExitCode);
        Assert.Equal(0, (await user.RunAsync("env", "set", "-a", app, "KEEP=secret-value", "GONE=1", "CHANGED=old")).ExitCode);
        var second = await user.RunAsync("env", "set", "-a", app, "CHANGED=new", "ADDED=1");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(0, (await user.RunAsync("env", "unset", "-a", app, "GONE")).ExitCode);
        return app;
    }
}
