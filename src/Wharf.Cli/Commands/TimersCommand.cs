using System.CommandLine;
using System.Globalization;
using Wharf.Cli.Output;
using Wharf.Core.Api;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf timers -a APP</c>: each timer's schedule, next run and last runs with their exit codes.</summary>
internal sealed class TimersCommand : Command
{
    private const int RunsShown = 3;

    private readonly Option<string> _app;
    private readonly Option<bool> _json = CommonOptions.Json();

    public TimersCommand(CliContext context)
        : base("timers", "List an app's timers: schedule, next run, and how the last runs ended")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_json);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = result.GetRequiredValue(_app);
            var timers = await client.ListTimersAsync(app, ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(timers);
            }

            if (timers.Count == 0)
            {
                context.WriteLine($"{app} has no timers. Declare them under `timers:` in wharf.yml.");
                return ExitCodes.Ok;
            }

            var table = Tables.Create("NAME", "SCHEDULE", "SERVICE", "CONCURRENCY", "NEXT RUN", "LAST RUNS");
            foreach (var t in timers)
            {
                table.Row(
                    t.Name,
                    t.Schedule,
                    t.Service,
                    t.Concurrency,
                    Formats.Time(t.NextRun),
                    Formats.List(t.LastRuns.Take(RunsShown).Select(Run)));
            }

            context.Out.Write(table);
            return ExitCodes.Ok;
        }));
    }

    /// <summary>"06-01 12:00 exit 0", "06-01 11:00 skipped", "06-01 10:00 running".</summary>
    private static string Run(TimerRunInfo run)
    {
        var at = run.ScheduledAt.ToUniversalTime().ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
        return run.ExitCode is { } code ? $"{at} exit {code}" : $"{at} {run.Status}";
    }
}
