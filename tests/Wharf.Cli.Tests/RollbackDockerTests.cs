using Wharf.Cli.Tests.Infrastructure;

namespace Wharf.Cli.Tests;

/// <summary>`wharf releases rollback` and the URLs printed after a rollout, with real images on the Docker engine.</summary>
[Collection(ServerCollectionDefinition.Name)]
[Trait("Category", "Docker")]
public sealed class RollbackDockerTests(ServerFixture server)
{
    [Fact]
    public async Task Rollback_AfterAConfigChange_RunsTheEarlierReleaseAgainAndPrintsItsUrl()
    {
        using var user = server.Admin();
        user.Timeout = TimeSpan.FromMinutes(5);
        await using var app = await TestApp.CreateAsync(user, "rb");
        var url = $"http://web.{app.Name}.localhost:{new Uri(server.RouterUrl).Port}/";

        var deploy = await user.RunAsync("deploy", RepoPaths.Example("hello"), "-a", app.Name);
        var change = await user.RunAsync("env", "set", "-a", app.Name, "MARK=second", "--wait");
        var rollback = await user.RunAsync("releases", "rollback", "-a", app.Name);
        var greeting = await user.RunAsync("run", "-a", app.Name, "web", "--", "sh", "-c", "echo \"${MARK:-unset}\"");
        var info = await user.RunAsync("apps", "info", app.Name);

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Contains($"Release v1 of {app.Name} is running.\n  web: {url}\n", deploy.Stdout, StringComparison.Ordinal);
        Assert.True(change.ExitCode == 0, change.ToString());
        Assert.Contains($"Release v2 of {app.Name} is running.", change.Stdout, StringComparison.Ordinal);
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains($"Rolling {app.Name} back from v2 to v1.", rollback.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Release v1 of {app.Name} is running.\n  web: {url}\n", rollback.Stdout, StringComparison.Ordinal);
        Assert.Equal("unset", greeting.Stdout.Trim());
        Assert.Contains($"{url} (web)", info.Stdout, StringComparison.Ordinal);
    }
}
