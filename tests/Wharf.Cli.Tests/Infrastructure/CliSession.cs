using System.Diagnostics;

namespace Wharf.Cli.Tests.Infrastructure;

/// <summary>
/// A user of the CLI: their own HOME and XDG_CONFIG_HOME (so the real user's config is never touched),
/// a working directory, and extra environment variables. Runs the real <c>wharf</c> process.
/// </summary>
public sealed class CliSession : IDisposable
{
    private readonly TempDirectory _home = new("wharf-cli-home");
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public CliSession()
    {
        _environment["HOME"] = _home.Path;
        _environment["XDG_CONFIG_HOME"] = _home.Combine(".config");
        WorkingDirectory = _home.Path;
    }

    public string Home => _home.Path;

    public string ConfigPath => _home.Combine(".config", "wharf", "config.json");

    public string WorkingDirectory { get; set; }

    /// <summary>How long one run may take before it is killed and the test fails; deploys that build need more.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public CliSession With(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>Starts a command that runs until stopped (`wharf logs -f`); the caller reads its output and kills it.</summary>
    public Process Start(params string[] args)
    {
        var process = Process.Start(WharfProcess.StartInfo(args, _environment, WorkingDirectory))!;
        process.StandardInput.Close();
        return process;
    }

    /// <summary>Runs with <paramref name="input"/> piped to stdin, as `echo ... | wharf ...` does.</summary>
    public async Task<CliResult> RunWithInputAsync(string input, params string[] args)
    {
        using var process = Process.Start(WharfProcess.StartInfo(args, _environment, WorkingDirectory))!;

        // No terminal: stdin is a pipe (empty unless given input), as in CI or a script.
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"wharf {string.Join(' ', args)} did not finish within {Timeout}.");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => _home.Dispose();
}
