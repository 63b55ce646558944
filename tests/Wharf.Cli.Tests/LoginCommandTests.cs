using Wharf.Cli.Tests.Infrastructure;

namespace Wharf.Cli.Tests;

[Collection(ServerCollectionDefinition.Name)]
public sealed class LoginCommandTests(ServerFixture server)
{
    [Fact]
    public async Task Login_GoodToken_SavesOwnerOnlyConfigUsedByLaterCommands()
    {
        using var user = new CliSession();

        var login = await user.RunAsync("login", server.Url, "--token", server.AdminToken);
        var whoami = await user.RunAsync("whoami");

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Contains("Logged in", login.Stdout, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(user.ConfigPath));
        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        Assert.Contains("admin", whoami.Stdout, StringComparison.Ordinal);
        Assert.Contains(server.Url, whoami.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_BadToken_ExitsNotAuthorizedAndSavesNothing()
    {
        using var user = new CliSession();

        var login = await user.RunAsync("login", server.Url, "--token", "not-a-token");

        Assert.True(login.ExitCode == 4, login.ToString());
        Assert.Contains("rejected the token", login.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(user.ConfigPath));
    }

    [Fact]
    public async Task Login_NoTokenAndNoTerminal_ExitsUsage()
    {
        using var user = new CliSession();

        var login = await user.RunAsync("login", server.Url);

        Assert.True(login.ExitCode == 2, login.ToString());
        Assert.Contains("--token", login.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoAmI_NeverLoggedIn_ExitsNotAuthorizedPointingAtLogin()
    {
        using var user = new CliSession();

        var whoami = await user.RunAsync("whoami");

        Assert.True(whoami.ExitCode == 4, whoami.ToString());
        Assert.Contains("wharf login", whoami.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoAmI_EnvironmentOverridesSavedConfig_UsesEnvironment()
    {
        using var user = new CliSession();
        await user.RunAsync("login", server.Url, "--token", server.AdminToken);
        user.With("WHARF_TOKEN", "wrong");

        var whoami = await user.RunAsync("whoami");

        Assert.True(whoami.ExitCode == 4, whoami.ToString());
    }
}
