using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using Wharf.Cli.Client;
using Wharf.Core.Api;
using Wharf.Core.Logs;

namespace Wharf.Cli.Commands;

/// <summary>
/// <c>wharf logs -a APP [-f] [--since 10m] [--service web] [--release N] [--filter TEXT]</c>: the app's log (its
/// processes' output, dead ones' too, its builds and what the platform did to it); <c>--system</c> for the platform's own.
/// </summary>
internal sealed class LogsCommand : Command
{
    /// <summary>Lines shown without --since or --tail, as Heroku does: enough to see what is going on.</summary>
    public const int DefaultTail = 100;

    private static readonly string[] _sources = ["stdout", "stderr", "build", "event"];

    private readonly Option<string> _app;
    private readonly Option<bool> _follow = new("--follow", "-f") { Description = "Keep printing new lines as they come, until Ctrl+C" };
    private readonly Option<bool> _noFollow = new("--no-follow") { Description = "Print the lines so far and exit (the default)" };
    private readonly Option<string?> _since = TimeOption("--since", "Only lines at or after this time: 10m, 2h, 1h30m, 3d back from now, or an RFC 3339 time");
    private readonly Option<string?> _until = TimeOption("--until", "Only lines before this time (same forms as --since)");
    private readonly Option<string?> _service = new("--service", "-s") { Description = "Only this service's lines", HelpName = "SERVICE" };
    private readonly Option<int?> _release = new("--release", "-r") { Description = "Only lines of processes (and events) of this release", HelpName = "N" };
    private readonly Option<string?> _process = new("--process", "-p") { Description = "Only this process's lines (its id, as `wharf ps` shows it; build-N for a build)", HelpName = "ID" };
    private readonly Option<string[]> _source = new("--source")
    {
        Description = "Only these kinds of lines: stdout, stderr, build, event (repeat or comma-separate)",
        HelpName = "KIND",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string?> _filter = new("--filter") { Description = "Only lines containing this text (plain text, not a pattern)", HelpName = "TEXT" };
    private readonly Option<bool> _ignoreCase = new("--ignore-case", "-i") { Description = "Match --filter without regard to case" };
    private readonly Option<int?> _tail = new("--tail", "-n") { Description = $"Only the last N lines (default {DefaultTail} without --since; 0 with -f: only new lines)", HelpName = "N" };
    private readonly Option<bool> _system = new("--system") { Description = "The platform's own log (deploys, crashes, restarts of every app; admin only)" };
    private readonly Option<bool> _json = new("--json") { Description = "Print the API's NDJSON, one JSON object per line (for scripts)" };

    public LogsCommand(CliContext context)
        : base("logs", "Print an app's log: its processes' output, builds and platform events")
    {
        _app = CommonOptions.App(context.Environment);
        foreach (var option in new Option[] { _app, _follow, _noFollow, _since, _until, _service, _release, _process, _source, _filter, _ignoreCase, _tail, _system, _json })
        {
            Options.Add(option);
        }

        _release.Validators.Add(result => NonNegative(result, "--release", min: 1));
        _tail.Validators.Add(result => NonNegative(result, "--tail", min: 0));
        _source.Validators.Add(ValidateSources);
        _filter.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is "")
            {
                result.AddError("--filter is empty: give the text the lines must contain.");
            }
        });
        Validators.Add(result =>
        {
            if (result.GetValue(_follow) && result.GetValue(_noFollow))
            {
                result.AddError("-f/--follow and --no-follow contradict each other: give one of them.");
            }

            if (result.GetValue(_system) && result.GetResult(_app) is { Implicit: false })
            {
                result.AddError("--system shows the platform's log, not an app's: leave out -a/--app.");
            }
        });
        Subcommands.Add(new LogsForwardCommand(context));
        SetAction((result, ct) => context.RunAsync(client => RunAsync(context, client, result, ct)));
    }

    private async Task<int> RunAsync(CliContext context, WharfClient client, ParseResult result, CancellationToken ct)
    {
        var system = result.GetValue(_system);
        var app = system ? null : result.GetRequiredValue(_app);
        var since = result.GetValue(_since);
        var request = new LogRequest
        {
            Since = since,
            Until = result.GetValue(_until),
            Service = result.GetValue(_service),
            Release = result.GetValue(_release),
            Process = result.GetValue(_process),
            Source = result.GetValue(_source) is { Length: > 0 } sources ? string.Join(',', Split(sources)) : null,
            Filter = result.GetValue(_filter),
            IgnoreCase = result.GetValue(_ignoreCase),
            Tail = result.GetValue(_tail) ?? (since is null ? DefaultTail : null),
            Follow = result.GetValue(_follow),
        };
        var json = result.GetValue(_json);
        var resume = new LogResume();
        var next = request;
        var opened = false;
        var retry = TimeSpan.Zero;
        while (true)
        {
            try
            {
                using var response = await client.OpenLogsAsync(app, next, ct);
                if (retry > TimeSpan.Zero)
                {
                    context.WriteErrorLine("wharf: reconnected; the log goes on where it broke off.");
                    retry = TimeSpan.Zero;
                }

                opened = true;
                await foreach (var line in TextLines.ReadAsync(client, response, ct))
                {
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    var parsed = Parse(line);
                    if (resume.IsNew(parsed.Time, line))
                    {
                        context.WriteLine(json ? line : LogsFormat.Line(parsed));
                    }
                }

                if (request.Follow != true)
                {
                    return ExitCodes.Ok;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C is how a followed log ends.
                return ExitCodes.Ok;
            }
            catch (WharfUnreachableException) when (request.Follow == true && opened)
            {
                // The server went away mid-stream, or is not back yet: try again below.
            }

            // A followed stream ended or broke: the server restarted or crashed. Go on once it is back, from the
            // last line printed; an app deleted meanwhile ends it (404), as does Ctrl+C.
            if (retry == TimeSpan.Zero)
            {
                context.WriteErrorLine("wharf: the log stream broke off (was the server restarted?); reconnecting until it is back (Ctrl+C stops).");
            }

            retry = retry == TimeSpan.Zero ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            try
            {
                await Task.Delay(retry, ct);
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Ok;
            }

            next = resume.Next(request);
        }
    }

    private static Option<string?> TimeOption(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = "TIME" };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (text is not null && !LogTimes.TryParse(text, DateTimeOffset.UtcNow, out _))
            {
                result.AddError(LogTimes.Problem(name, text));
            }
        });
        return option;
    }

    private static void NonNegative(OptionResult result, string name, int min)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min)
        {
            result.AddError($"{name} must be a whole number from {min} up, got '{text}'.");
        }
    }

    private static void ValidateSources(OptionResult result)
    {
        foreach (var source in Split(result.Tokens.Select(t => t.Value)))
        {
            if (!_sources.Contains(source, StringComparer.Ordinal))
            {
                result.AddError($"--source '{source}' is not a kind of line: give stdout, stderr, build or event.");
            }
        }
    }

    private static IEnumerable<string> Split(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static LogLineInfo Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, ApiJson.Info<LogLineInfo>())
                ?? throw new JsonException("the line was null");
        }
        catch (JsonException e)
        {
            throw new CliException($"The server sent a line that is not a log line ({e.Message}): {line}");
        }
    }
}
