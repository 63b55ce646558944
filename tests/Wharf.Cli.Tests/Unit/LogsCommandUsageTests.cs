using Wharf.Cli.Config;
using Wharf.Cli.Output;
using Wharf.Cli.Tests.Infrastructure;

namespace Wharf.Cli.Tests.Unit;

/// <summary>`wharf logs` and `wharf logs forward` check their arguments before anything is sent (exit 2).</summary>
public sealed class LogsCommandUsageTests : IDisposable
{
    private readonly TempDirectory _home = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    [Theory]
    [InlineData("-f/--follow and --no-follow contradict each other", "logs", "-a", "web", "-f", "--no-follow")]
    [InlineData("--since 'soon' is not a time: give a duration back from now such as 10m", "logs", "-a", "web", "--since", "soon")]
    [InlineData("--until '5 minutes' is not a time", "logs", "-a", "web", "--until", "5 minutes")]
    [InlineData("--system shows the platform's log, not an app's: leave out -a/--app.", "logs", "--system", "-a", "web")]
    [InlineData("--source 'stdin' is not a kind of line: give stdout, stderr, build or event.", "logs", "-a", "web", "--source", "stdout,stdin")]
    [InlineData("--tail must be a whole number from 0 up, got '-1'.", "logs", "-a", "web", "--tail", "-1")]
    [InlineData("--release must be a whole number from 1 up, got '0'.", "logs", "-a", "web", "--release", "0")]
    [InlineData("--filter is empty", "logs", "-a", "web", "--filter", "")]
    [InlineData("'udp://logs:514' is not a syslog endpoint: give tcp://HOST:PORT", "logs", "forward", "-a", "web", "udp://logs:514")]
    [InlineData("Give a URL to forward to, or --off to stop forwarding, not both.", "logs", "forward", "-a", "web", "tcp://logs:514", "--off")]
    public async Task RunAsync_BadArguments_ExitsUsageWithTheSentence(string sentence, params string[] args)
    {
        var exitCode = await CreateApplication().RunAsync(args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(sentence, _error.ToString().ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Empty(_out.ToString());
    }

    [Theory]
    [InlineData("logs", "-a", "web", "-f", "--since", "1h30m", "--service", "web", "--release", "2", "--filter", "GET", "-i", "--source", "stdout", "--source", "stderr")]
    [InlineData("logs", "-a", "web", "--no-follow", "--since", "2026-05-01T10:00:00Z", "-n", "0", "--json")]
    [InlineData("logs", "--system", "--since", "3d")]
    [InlineData("logs", "forward", "-a", "web", "tcp://logs.example.com:6514")]
    public async Task RunAsync_GoodArguments_GetAsFarAsTheServer(params string[] args)
    {
        var exitCode = await CreateApplication().RunAsync(args);

        Assert.Equal(ExitCodes.NotAuthorized, exitCode);
        Assert.Contains("Not logged in", _error.ToString(), StringComparison.Ordinal);
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
