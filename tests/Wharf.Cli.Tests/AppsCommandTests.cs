using System.Text.Json;
using Wharf.Cli.Tests.Infrastructure;
using Wharf.Core.Api;

namespace Wharf.Cli.Tests;

[Collection(ServerCollectionDefinition.Name)]
public sealed class AppsCommandTests(ServerFixture server)
{
    [Fact]
    public async Task AppsCreate_NewName_AppearsInListAndInfo()
    {
        using var user = server.Admin();
        var app = AppNames.Unique("apps");

        var create = await user.RunAsync("apps", "create", app);
        var list = await user.RunAsync("apps");
        var info = await user.RunAsync("apps", "info", app);

        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.Contains($"Created app {app}", create.Stdout, StringComparison.Ordinal);
        Assert.Contains("NAME", list.Stdout, StringComparison.Ordinal);
        Assert.Contains(app, list.Stdout, StringComparison.Ordinal);
        Assert.True(info.ExitCode == 0, info.ToString());
        Assert.Contains(app, info.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apps_Json_ParsesAsTheApiDtos()
    {
        using var user = server.Admin();
        var app = AppNames.Unique("json");
        var create = await user.RunAsync("apps", "create", app, "--json");

        var list = await user.RunAsync("apps", "--json");

        Assert.Equal(app, JsonSerializer.Deserialize<AppInfo>(create.Stdout, JsonSerializerOptions.Web)!.Name);
        var apps = JsonSerializer.Deserialize<List<AppInfo>>(list.Stdout, JsonSerializerOptions.Web)!;
        Assert.Contains(apps, a => a.Name == app);
    }

    [Fact]
    public async Task AppsCreate_ExistingName_ExitsErrorWithServerDetail()
    {
        using var user = server.Admin();
        var app = AppNames.Unique("twice");
        await user.RunAsync("apps", "create", app);

        var again = await user.RunAsync("apps", "create", app);

        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains(app, again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppsCreate_InvalidName_ExitsErrorWithOneClearMessage()
    {
        using var user = server.Admin();

        var create = await user.RunAsync("apps", "create", "Not_A_Dns_Label");

        Assert.True(create.ExitCode == 1, create.ToString());
        Assert.DoesNotContain("   at ", create.Stderr, StringComparison.Ordinal);
        Assert.NotEmpty(create.Stderr.Trim());
    }

    [Fact]
    public async Task AppsDelete_WithYes_RemovesTheApp()
    {
        using var user = server.Admin();
        var app = AppNames.Unique("gone");
        await user.RunAsync("apps", "create", app);

        var delete = await user.RunAsync("apps", "delete", app, "--yes");
        var info = await user.RunAsync("apps", "info", app);

        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.True(info.ExitCode == 5, info.ToString());
    }

    [Fact]
    public async Task AppsDelete_NoTerminalAndNoYes_RefusesAndKeepsTheApp()
    {
        using var user = server.Admin();
        var app = AppNames.Unique("kept");
        await user.RunAsync("apps", "create", app);

        var delete = await user.RunAsync("apps", "delete", app);
        var info = await user.RunAsync("apps", "info", app);

        Assert.True(delete.ExitCode == 1, delete.ToString());
        Assert.Contains("--yes", delete.Stderr, StringComparison.Ordinal);
        Assert.True(info.ExitCode == 0, info.ToString());
    }

    [Fact]
    public async Task AppsInfo_MissingApp_ExitsNotFound()
    {
        using var user = server.Admin();

        var info = await user.RunAsync("apps", "info", "no-such-app");

        Assert.True(info.ExitCode == 5, info.ToString());
        Assert.Contains("no-such-app", info.Stderr, StringComparison.Ordinal);
    }
}
