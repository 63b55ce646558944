using Wharf.Cli.Tests.Infrastructure;

namespace Wharf.Cli.Tests;

/// <summary>The documented exit codes, each with the one-line message a user sees.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ExitCodeTests(ServerFixture server)
{
    [Fact]
    public async Task Apps_ServerNotListening_ExitsUnreachableWithOneLine()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        using var user = new CliSession().With("WHARF_URL", url).With("WHARF_TOKEN", "x");

        var apps = await user.RunAsync("apps");

        Assert.True(apps.ExitCode == 3, apps.ToString());
        Assert.Equal(
            $"Cannot reach the Wharf server at {url}: connection refused. Is `wharf server` running?",
            apps.Stderr.Trim());
    }

    [Fact]
    public async Task Deploy_ServerNotListening_ExitsUnreachableWithOneLine()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        using var user = new CliSession().With("WHARF_URL", url).With("WHARF_TOKEN", "x");

        var deploy = await user.RunAsync("deploy", RepoPaths.Example("hello"), "-a", "hello");

        Assert.True(deploy.ExitCode == 3, deploy.ToString());
        Assert.Equal(
            $"Cannot reach the Wharf server at {url}: connection refused. Is `wharf server` running?",
            deploy.Stderr.Trim());
    }

    [Fact]
    public async Task Deploy_UnknownToken_ExitsNotAuthorizedPointingAtLogin()
    {
        using var user = new CliSession().With("WHARF_URL", server.Url).With("WHARF_TOKEN", "wrong");

        var deploy = await user.RunAsync("deploy", RepoPaths.Example("hello"), "-a", "hello");

        Assert.True(deploy.ExitCode == 4, deploy.ToString());
        Assert.Contains("wharf login", deploy.Stderr, StringComparison.Ordinal);
        Assert.Single(deploy.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Apps_UnknownToken_ExitsNotAuthorizedPointingAtLogin()
    {
        using var user = new CliSession().With("WHARF_URL", server.Url).With("WHARF_TOKEN", "wrong");

        var apps = await user.RunAsync("apps");

        Assert.True(apps.ExitCode == 4, apps.ToString());
        Assert.Contains("wharf login", apps.Stderr, StringComparison.Ordinal);
        Assert.Single(apps.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task AppsCreate_ReadOnlyToken_ExitsNotAuthorizedAsNotAllowed()
    {
        using var admin = server.Admin();
        var secret = (await admin.RunAsync("tokens", "create", AppNames.Unique("reader"), "--role", "read")).Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
        using var reader = new CliSession().With("WHARF_URL", server.Url).With("WHARF_TOKEN", secret);

        var list = await reader.RunAsync("apps");
        var create = await reader.RunAsync("apps", "create", AppNames.Unique("denied"));

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.True(create.ExitCode == 4, create.ToString());
        Assert.StartsWith("Not allowed", create.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Releases_MissingApp_ExitsNotFoundWithTheServersDetail()
    {
        using var user = server.Admin();

        var releases = await user.RunAsync("releases", "-a", "never-created");

        Assert.True(releases.ExitCode == 5, releases.ToString());
        Assert.Contains("never-created", releases.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("apps", "create")]
    [InlineData("releases", "diff", "-a", "x", "1")]
    [InlineData("releases", "info", "-a", "x", "one")]
    [InlineData("tokens", "create", "ci", "--role", "superuser")]
    [InlineData("apps", "--no-such-option")]
    public async Task Wharf_MalformedCommandLine_ExitsUsageAndPointsAtHelp(params string[] args)
    {
        using var user = server.Admin();

        var result = await user.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--help", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wharf_AnyFailure_NeverPrintsAStackTrace()
    {
        using var user = new CliSession().With("WHARF_URL", "http://no-such-host.invalid:7070").With("WHARF_TOKEN", "x");

        var apps = await user.RunAsync("apps");

        Assert.True(apps.ExitCode == 3, apps.ToString());
        Assert.DoesNotContain("   at ", apps.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", apps.Stderr, StringComparison.Ordinal);
    }
}
