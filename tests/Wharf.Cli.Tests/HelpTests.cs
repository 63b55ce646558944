using Wharf.Cli.Tests.Infrastructure;

namespace Wharf.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("login")]
    [InlineData("whoami")]
    [InlineData("apps")]
    [InlineData("apps", "create")]
    [InlineData("apps", "delete")]
    [InlineData("env", "set")]
    [InlineData("releases", "diff")]
    [InlineData("builds", "info")]
    [InlineData("tokens", "create")]
    [InlineData("audit")]
    [InlineData("check")]
    [InlineData("server")]
    [InlineData("deploy")]
    [InlineData("deployments")]
    [InlineData("deployments", "info")]
    [InlineData("deployments", "logs")]
    [InlineData("deployments", "cancel")]
    [InlineData("builds", "logs")]
    [InlineData("ps")]
    [InlineData("ps", "stop")]
    [InlineData("scale")]
    [InlineData("restart")]
    [InlineData("run")]
    [InlineData("exec")]
    [InlineData("timers")]
    [InlineData("releases", "promote")]
    [InlineData("releases", "rollback")]
    [InlineData("certs")]
    [InlineData("certs", "import")]
    [InlineData("certs", "remove")]
    [InlineData("router")]
    [InlineData("resources")]
    [InlineData("resources", "info")]
    [InlineData("resources", "url")]
    [InlineData("resources", "console")]
    [InlineData("resources", "export")]
    [InlineData("resources", "import")]
    public async Task Help_EveryCommand_DescribesItAndExitsOk(params string[] command)
    {
        using var user = new CliSession();

        var help = await user.RunAsync([.. command, "--help"]);

        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("Description:", help.Stdout, StringComparison.Ordinal);
        Assert.Contains($"wharf {string.Join(' ', command)}", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wharf_NoArguments_ListsTheCommandsAndExitsUsage()
    {
        using var user = new CliSession();

        var bare = await user.RunAsync();

        Assert.Equal(2, bare.ExitCode);
        Assert.Contains("apps", bare.Stdout, StringComparison.Ordinal);
        Assert.Contains("releases", bare.Stdout, StringComparison.Ordinal);
    }
}
