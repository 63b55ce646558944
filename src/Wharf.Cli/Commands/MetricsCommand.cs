using System.CommandLine;
using System.Globalization;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf metrics -a APP [--since 15m]</c>: requests/s, latency percentiles, error rate, CPU and memory per service.</summary>
internal sealed class MetricsCommand : Command
{
    private readonly Option<string> _app;
    private readonly Option<string> _since = new("--since")
    {
        Description = "How far back to look: 30s, 15m, 1h (the server keeps one hour of request history, from its start)",
        DefaultValueFactory = _ => "15m",
    };

    private readonly Option<bool> _json = CommonOptions.Json();

    public MetricsCommand(CliContext context)
        : base("metrics", "Show an app's requests/s, p50/p95/p99 latency, error rate, CPU and memory per service")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_since);
        Options.Add(_json);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = result.GetRequiredValue(_app);
            var metrics = await client.GetMetricsAsync(app, result.GetValue(_since)!, ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(metrics);
            }

            if (metrics.Services.Count == 0)
            {
                context.WriteLine($"{app} has no services running and served no requests in the window.");
            }
            else
            {
                var table = Tables.Create("SERVICE", "REQ/S", "P50", "P95", "P99", "ERRORS", "PROCESSES", "CPU", "MEMORY");
                foreach (var s in metrics.Services)
                {
                    table.Row(
                        s.Service,
                        s.RequestsPerSecond.ToString("0.##", CultureInfo.InvariantCulture),
                        Latency(s.P50),
                        Latency(s.P95),
                        Latency(s.P99),
                        s.ErrorRate is { } rate ? Formats.Percent(rate * 100) : "-",
                        Formats.Number(s.Processes),
                        Formats.Percent(s.CpuPercent),
                        Formats.Memory(s.MemoryBytes));
                }

                context.Out.Write(table);
            }

            context.WriteLine($"Window: {Formats.Time(metrics.From)} to {Formats.Time(metrics.To)} ({Formats.Duration(metrics.To - metrics.From)}).");
            if (metrics.Note is { } note)
            {
                context.WriteLine(note);
            }

            return ExitCodes.Ok;
        }));
    }

    private static string Latency(double? seconds) => seconds switch
    {
        null => "-",
        < 1 => (seconds.Value * 1000).ToString("0.#", CultureInfo.InvariantCulture) + " ms",
        _ => seconds.Value.ToString("0.##", CultureInfo.InvariantCulture) + " s",
    };
}
