using Wharf.Cli.Tests.Infrastructure;

namespace Wharf.Cli.Tests;

[Collection(ServerCollectionDefinition.Name)]
public sealed class RollbackCommandTests(ServerFixture server)
{
    [Fact]
    public async Task Rollback_OnlyConfigReleases_ExitsOneSayingThereIsNothingToRollBackTo()
    {
        using var user = server.Admin();
        var app = AppNames.Unique("norb");
        Assert.Equal(0, (await user.RunAsync("apps", "create", app)).ExitCode);
        Assert.Equal(0, (await user.RunAsync("env", "set", "-a", app, "A=1")).ExitCode);
        Assert.Equal(0, (await user.RunAsync("env", "set", "-a", app, "A=2")).ExitCode);

        var rollback = await user.RunAsync("releases", "rollback", "-a", app);

        Assert.True(rollback.ExitCode == 1, rollback.ToString());
        Assert.Contains($"There is nothing to roll back to: no release of {app} older than the current v2 has a build.", rollback.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_NewApp_ExitsOneSayingToDeployFirst()
    {
        using var user = server.Admin();
        var app = AppNames.Unique("fresh");
        Assert.Equal(0, (await user.RunAsync("apps", "create", app)).ExitCode);

        var rollback = await user.RunAsync("releases", "rollback", "-a", app);

        Assert.True(rollback.ExitCode == 1, rollback.ToString());
        Assert.Contains($"{app} has no current release, so there is nothing to roll back", rollback.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_NamedConfigRelease_RollsItOutAtOnce()
    {
        using var user = server.Admin();
        var app = AppNames.Unique("cfgrb");
        Assert.Equal(0, (await user.RunAsync("apps", "create", app)).ExitCode);
        Assert.Equal(0, (await user.RunAsync("env", "set", "-a", app, "A=1")).ExitCode);
        Assert.Equal(0, (await user.RunAsync("env", "set", "-a", app, "A=2")).ExitCode);

        var rollback = await user.RunAsync("releases", "rollback", "-a", app, "1");
        var releases = await user.RunAsync("releases", "-a", app);

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains($"Rolling {app} back from v2 to v1.", rollback.Stdout, StringComparison.Ordinal);
        var current = releases.Stdout.Split('\n').Single(line => line.Contains("current", StringComparison.Ordinal));
        Assert.StartsWith("v1", current, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_BadNumber_IsAUsageError()
    {
        using var user = server.Admin();

        var rollback = await user.RunAsync("releases", "rollback", "-a", "whatever", "v2");

        Assert.Equal(2, rollback.ExitCode);
        Assert.Contains("N must be a whole number from 1 up, got 'v2'.", rollback.Stderr, StringComparison.Ordinal);
    }
}
