using System.Diagnostics;
using System.Text;

namespace Wharf.Cli.Tests.Infrastructure;

/// <summary>
/// A real Wharf server, started the way users start it (<c>wharf server</c>) on a free loopback port with a
/// throw-away data directory, shared by every test in <see cref="ServerCollectionDefinition"/> and killed at the end.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(60);
    private readonly string _data = Directory.CreateTempSubdirectory("wharf-cli-data-").FullName;
    private readonly StringBuilder _log = new();
    private Process? _process;

    public string Url { get; } = $"http://127.0.0.1:{FreePort.Next()}";

    /// <summary>Where app URLs point (`wharf apps info` shows them); no router listens there: the server runs with --no-router.</summary>
    public string RouterUrl { get; } = $"http://127.0.0.1:{FreePort.Next()}";

    public string AdminToken { get; private set; } = "";

    public string DataDirectory => _data;

    /// <summary>A CLI user pointed at this server with the admin token, through WHARF_URL and WHARF_TOKEN.</summary>
    public CliSession Admin() => new CliSession().With("WHARF_URL", Url).With("WHARF_TOKEN", AdminToken);

    public async Task InitializeAsync()
    {
        await StartAsync();
        AdminToken = (await File.ReadAllTextAsync(Path.Combine(_data, "admin.token"))).Trim();
    }

    /// <summary>Kills the server as a crash would (SIGKILL, nothing flushed or closed) and starts it again on the same port and data.</summary>
    public async Task CrashAndRestartAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        await StartAsync();
    }

    private async Task StartAsync()
    {
        var args = new[] { "server", "--data", _data, "--api", Url, "--router", RouterUrl, "--no-router" };
        var environment = new Dictionary<string, string> { ["HOME"] = _data };
        _process = Process.Start(WharfProcess.StartInfo(args, environment, _data))!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilHealthyAsync();
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + _startTimeout;
        var tokenFile = Path.Combine(_data, "admin.token");
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"wharf server exited with {_process.ExitCode}:\n{Log()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"{Url}/health"));
                if (response.IsSuccessStatusCode && File.Exists(tokenFile))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"wharf server did not answer {Url}/health within {_startTimeout}:\n{Log()}");
            }

            await Task.Delay(100);
        }
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }
}
