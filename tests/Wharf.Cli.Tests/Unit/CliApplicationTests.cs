using Wharf.Cli.Config;
using Wharf.Cli.Output;
using Wharf.Cli.Tests.Infrastructure;

namespace Wharf.Cli.Tests.Unit;

/// <summary>The same application the process runs, in-process with captured consoles.</summary>
public sealed class CliApplicationTests : IDisposable
{
    private readonly TempDirectory _home = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task RunAsync_NotLoggedIn_WritesOneLineToTheErrorConsoleAndExitsNotAuthorized()
    {
        var exitCode = await CreateApplication().RunAsync(["apps"]);

        Assert.Equal(ExitCodes.NotAuthorized, exitCode);
        Assert.Empty(_out.ToString());
        Assert.Equal("Not logged in: run `wharf login URL` (or set WHARF_URL and WHARF_TOKEN).", _error.ToString().Trim());
    }

    [Fact]
    public async Task RunAsync_AssignmentWithoutEquals_ExitsUsageNamingTheWord()
    {
        var exitCode = await CreateApplication().RunAsync(["env", "set", "-a", "web", "DEBUG"]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("'DEBUG' is not KEY=VALUE", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("wharf env set --help", _error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _home.Dispose();
        _out.Dispose();
        _error.Dispose();
    }

    private CliApplication CreateApplication()
    {
        var environment = new CliEnvironment(new Dictionary<string, string> { ["HOME"] = _home.Path }, _home.Path);
        var context = new CliContext(
            new CliOutput(_out, redirected: true, interactive: false),
            new CliOutput(_error, redirected: true, interactive: false),
            environment,
            ConfigStore.ForEnvironment(environment));
        return new CliApplication(context);
    }
}
