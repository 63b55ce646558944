using Spectre.Console;
using Wharf.Cli.Output;
using Wharf.Core.Api;

namespace Wharf.Cli.Processes;

/// <summary>The table of `wharf ps`, with a note under it for each service that crashed.</summary>
internal static class ProcessTable
{
    public static void Write(CliContext context, IReadOnlyList<ProcessInfo> processes, DateTimeOffset now)
    {
        var table = Tables.Create("ID", "SERVICE", "RELEASE", "KIND", "STATE", "UPTIME", "CPU", "MEMORY", "RESTARTS");
        foreach (var p in processes)
        {
            table.Row(
                p.Id ?? "-",
                p.Timer is { } timer ? $"{p.Service} ({timer})" : p.Service,
                Formats.Release(p.Release),
                p.Kind,
                p.State == "exited" && p.ExitCode is { } code ? $"exited ({code})" : p.State,
                p.Uptime is { } seconds ? Formats.Duration(TimeSpan.FromSeconds(seconds)) : "-",
                Formats.Percent(p.CpuPercent),
                Formats.Memory(p.MemoryBytes, p.MemoryLimitBytes),
                p.Kind == "service" ? Formats.Number(p.Restarts) : "-");
        }

        context.Out.Write(table);
        foreach (var p in processes.Where(p => p.LastExit is not null && (p.State == "crashed" || p.Restarts > 0)).DistinctBy(p => p.Service))
        {
            var exit = p.LastExit!;
            var next = p.NextAttemptAt is { } at ? $"; next attempt in {Formats.Duration(at - now)}" : "";
            context.Out.MarkupLineInterpolated(
                $"[yellow]{p.Service}: last process {exit.Description} at {Formats.Time(exit.At)}{next}[/]");
            foreach (var line in exit.LastLines.TakeLast(5))
            {
                context.WriteLine($"  {line}");
            }
        }
    }
}
