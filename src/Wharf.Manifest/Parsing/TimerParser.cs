using Wharf.Manifest.Yaml;

namespace Wharf.Manifest.Parsing;

/// <summary>Reads one entry of <c>timers</c>: <c>{schedule, command, service, concurrency}</c>.</summary>
internal static class TimerParser
{
    // Stand-ins for a schedule or command that is missing or invalid (and reported), so the timer still reaches
    // validation and a wrong service name is reported in the same run; the manifest is discarded anyway.
    private static readonly CronSchedule _noSchedule = CronSchedule.Parse("* * * * *");
    private static readonly ManifestCommand _noCommand = ManifestCommand.Exec([]);

    /// <returns>The timer, or null when it names no service (reported).</returns>
    public static TimerManifest? Parse(ParseContext context, string name, ManifestNode node, string path)
    {
        var fields = SectionReader.Open(context, node, path, string.Empty, ManifestKeys.Timer, "a mapping with schedule, command, service and concurrency");
        if (fields is null)
        {
            return null;
        }

        var schedule = Required(fields, name, "schedule", "a 5-field cron expression such as '0 3 * * *'") is { } scheduleNode
            ? Schedule(context, scheduleNode)
            : null;
        var command = Required(fields, name, "command", "the command to run") is { } commandNode
            ? CommandParser.Parse(context, commandNode, "command")
            : null;
        var service = Required(fields, name, "service", "the service whose image and environment run the command") is not null
            ? fields.String("service")
            : null;
        var concurrency = fields.Choice("concurrency", ManifestKeys.TimerConcurrencies);
        if (service is null)
        {
            return null;
        }

        return new TimerManifest
        {
            Name = name,
            Schedule = schedule ?? _noSchedule,
            Command = command ?? _noCommand,
            Service = service,
            Concurrency = concurrency is null ? TimerConcurrency.Forbid : Enum.Parse<TimerConcurrency>(concurrency, ignoreCase: true),
        };
    }

    private static ManifestNode? Required(SectionReader fields, string name, string key, string what)
    {
        if (fields[key] is { } node)
        {
            return node;
        }

        fields.Context.Error(fields.Path, $"timer '{name}' has no '{key}'; add {what}");
        return null;
    }

    private static CronSchedule? Schedule(ParseContext context, ManifestNode node)
    {
        var text = ValueReader.String(context, node, "schedule");
        if (text is null)
        {
            return null;
        }

        if (CronSchedule.TryParse(text, out var schedule, out var error))
        {
            return schedule;
        }

        context.Error(node, $"schedule '{text}' is not a valid cron expression: {error}");
        return null;
    }
}
