using System.Diagnostics;
using System.Net;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Routing;

/// <summary>
/// A real `Wharf.Server` process (the router process it starts included) that can be killed with SIGKILL and started
/// again on the same data and ports, as a crash and a restart would; the router it started is stopped at the end.
/// The server's output goes to DATA/server.log.
/// </summary>
public sealed class RoutedServerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private Process? _process;

    private RoutedServerProcess(string data, int apiPort, int routerPort, Dictionary<string, string> environment)
    {
        DataDirectory = data;
        ApiPort = apiPort;
        RouterPort = routerPort;
        _environment = environment;
    }

    public string DataDirectory { get; }

    public int ApiPort { get; }

    public int RouterPort { get; }

    public Uri ApiUrl => new($"http://127.0.0.1:{ApiPort}");

    public Uri RouterUrl => new($"http://127.0.0.1:{RouterPort}");

    public string LogPath => Path.Combine(DataDirectory, "server.log");

    public string RouterPidPath => Path.Combine(DataDirectory, "router", "router.pid");

    /// <summary>Starts a server on free ports over a new data directory; <paramref name="environment"/> adds settings (e.g. Deployments__RolloutTimeout).</summary>
    public static async Task<RoutedServerProcess> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "wharf-routed-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data);
        var server = new RoutedServerProcess(data, ServerProcess.FreePort(), ServerProcess.FreePort(), new Dictionary<string, string>(environment ?? new Dictionary<string, string>()));
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on the same data directory and ports; returns once GET /health answers.</summary>
    public async Task StartAgainAsync()
    {
        var entry = Path.Combine(AppContext.BaseDirectory, "Wharf.Server.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { entry, "--data", DataDirectory, "--api", ApiUrl.ToString().TrimEnd('/'), "--router", RouterUrl.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("WHARF_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => Write(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => log.Dispose();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} while starting:\n{Tail()}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(ApiUrl, "/health"))).StatusCode == HttpStatusCode.OK && File.Exists(Path.Combine(DataDirectory, "admin.token")))
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
                // Slow to answer while it starts.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The server did not answer GET /health within 60 s:\n{Tail()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL, as a crash or an OOM kill would: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>An API client with the admin token.</summary>
    public HttpClient Admin()
    {
        var token = File.ReadAllText(Path.Combine(DataDirectory, "admin.token")).Trim();
        var client = new HttpClient { BaseAddress = ApiUrl, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>The router process's id, or null when it has not written one.</summary>
    public int? RouterPid() =>
        File.Exists(RouterPidPath) && int.TryParse(File.ReadAllText(RouterPidPath).Trim(), out var pid) ? pid : null;

    public string Tail(int lines = 60)
    {
        var text = new List<string>();
        foreach (var path in new[] { LogPath, Path.Combine(DataDirectory, "router", "router.log") })
        {
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                var all = reader.ReadToEnd().Split('\n');
                text.Add($"--- {Path.GetFileName(path)} ---");
                text.AddRange(all.Skip(Math.Max(0, all.Length - lines)));
            }
        }

        return string.Join('\n', text);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (RouterPid() is { } pid)
        {
            try
            {
                using var router = Process.GetProcessById(pid);
                router.Kill();
                await router.WaitForExitAsync();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp directory is cleaned by the system.
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The process exited and its log was closed.
            }
        }
    }
}
