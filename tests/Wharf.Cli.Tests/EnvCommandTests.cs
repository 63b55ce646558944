using System.Text.Json;
using Wharf.Cli.Tests.Infrastructure;
using Wharf.Core.Api;

namespace Wharf.Cli.Tests;

[Collection(ServerCollectionDefinition.Name)]
public sealed class EnvCommandTests(ServerFixture server)
{
    [Fact]
    public async Task EnvSet_TwoPairs_PrintsTheNewRelease()
    {
        using var user = server.Admin();
        var app = await CreateAppAsync(user);

        var set = await user.RunAsync("env", "set", "-a", app, "FOO=bar", "URL=http://x/?a=b");

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Contains("release v1", set.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_WithoutReveal_MasksValues()
    {
        using var user = server.Admin();
        var app = await CreateAppAsync(user);
        await user.RunAsync("env", "set", "-a", app, "SECRET=hunter2");

        var env = await user.RunAsync("env", "-a", app);

        Assert.True(env.ExitCode == 0, env.ToString());
        Assert.Contains("SECRET", env.Stdout, StringComparison.Ordinal);
        Assert.Contains("********", env.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", env.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_Reveal_ShowsValuesIncludingEqualsSigns()
    {
        using var user = server.Admin();
        var app = await CreateAppAsync(user);
        await user.RunAsync("env", "set", "-a", app, "SECRET=hunter2", "QUERY=a=b");

        var env = await user.RunAsync("env", "-a", app, "--reveal", "--json");

        var info = JsonSerializer.Deserialize<EnvInfo>(env.Stdout, JsonSerializerOptions.Web)!;
        Assert.True(info.Revealed);
        Assert.Equal("hunter2", info.Values["SECRET"]);
        Assert.Equal("a=b", info.Values["QUERY"]);
    }

    [Fact]
    public async Task EnvUnset_Key_RemovesItAndPrintsTheNextRelease()
    {
        using var user = server.Admin();
        var app = await CreateAppAsync(user);
        await user.RunAsync("env", "set", "-a", app, "FOO=1", "BAR=2");

        var unset = await user.RunAsync("env", "unset", "-a", app, "FOO");
        var env = await user.RunAsync("env", "-a", app);

        Assert.True(unset.ExitCode == 0, unset.ToString());
        Assert.Contains("release v2", unset.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("FOO", env.Stdout, StringComparison.Ordinal);
        Assert.Contains("BAR", env.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvSet_WordWithoutEquals_ExitsUsageBeforeContactingTheServer()
    {
        // A closed port: reaching the server would exit 3, so exit 2 proves the check is local.
        using var user = new CliSession().With("WHARF_URL", $"http://127.0.0.1:{FreePort.Next()}").With("WHARF_TOKEN", "x");

        var set = await user.RunAsync("env", "set", "-a", "any", "FOO");

        Assert.True(set.ExitCode == 2, set.ToString());
        Assert.Contains("'FOO' is not KEY=VALUE", set.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvSet_NoApp_UsesTheCurrentDirectoryName()
    {
        using var user = server.Admin();
        var app = await CreateAppAsync(user);
        using var checkout = new TempDirectory();
        user.WorkingDirectory = Directory.CreateDirectory(checkout.Combine(app)).FullName;

        var set = await user.RunAsync("env", "set", "FROM_DIR=1");
        var env = await user.RunAsync("env", "-a", app);

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Contains("FROM_DIR", env.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_MissingApp_ExitsNotFound()
    {
        using var user = server.Admin();

        var env = await user.RunAsync("env", "-a", "missing-app");

        Assert.True(env.ExitCode == 5, env.ToString());
    }

    private static async Task<string> CreateAppAsync(CliSession user)
    {
        var app = AppNames.Unique("env");
        var create = await user.RunAsync("apps", "create", app);
        Assert.True(create.ExitCode == 0, create.ToString());
        return app;
    }
}
