using System.Diagnostics;
using System.Text.Json;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Metrics;

/// <summary>
/// A real Prometheus (Debian package; scripts/test installs it) on a free loopback port with its own temporary
/// storage, scraping one target every second with a bearer token. Fails loudly when Prometheus is missing.
/// </summary>
public sealed class PrometheusProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly HttpClient _http;

    private PrometheusProcess(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public static async Task<PrometheusProcess> StartAsync(Uri target, string token)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"wharf-prometheus-{Guid.NewGuid():N}"[..30]);
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: wharf
                metrics_path: /metrics
                authorization:
                  type: Bearer
                  credentials: "{token}"
                static_configs:
                  - targets: ["{target.Authority}"]
            """);
        var port = ServerProcess.FreePort();
        var start = new ProcessStartInfo("prometheus")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "data")}", $"--web.listen-address=127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("prometheus is not installed: run scripts/test (or apt-get install -y prometheus).", e);
        }

        // Prometheus logs to stderr; drained so it never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PrometheusProcess(process, directory, port);
    }

    /// <summary>
    /// Polls an instant query until it returns a series (or <paramref name="deadline"/> passes): the first series'
    /// value, with the last answer for the failure message.
    /// </summary>
    public async Task<(string? Value, string LastAnswer)> QueryUntilFoundAsync(string query, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        var last = "(no answer yet)";
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with code {_process.ExitCode}.");
            }

            try
            {
                using var response = await _http.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}");
                last = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode)
                {
                    using var answer = JsonDocument.Parse(last);
                    var result = answer.RootElement.GetProperty("data").GetProperty("result");
                    if (result.GetArrayLength() > 0)
                    {
                        return (result[0].GetProperty("value")[1].GetString(), last);
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        return (null, last);
    }

    /// <summary>The scrape target's health and last error as Prometheus reports them.</summary>
    public async Task<string> TargetsAsync()
    {
        try
        {
            return await _http.GetStringAsync("/api/v1/targets");
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleanup.
        }
    }
}
