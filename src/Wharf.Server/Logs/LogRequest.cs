using Wharf.Core.Errors;
using Wharf.Core.Logs;

namespace Wharf.Server.Logs;

/// <summary>The query string of GET /v1/apps/{app}/logs and GET /v1/logs/system.</summary>
public sealed record LogRequest
{
    public string? Since { get; init; }

    public string? Until { get; init; }

    public string? Service { get; init; }

    public int? Release { get; init; }

    public string? Process { get; init; }

    /// <summary>"stdout", "stderr", "build", "event", comma-separated.</summary>
    public string? Source { get; init; }

    public string? Filter { get; init; }

    public bool? IgnoreCase { get; init; }

    public int? Tail { get; init; }

    public bool? Follow { get; init; }

    /// <summary>The store's query for the log of <paramref name="app"/> (null: the platform's), or every problem at once.</summary>
    /// <exception cref="WharfValidationException">A parameter is invalid; each is named.</exception>
    public LogQuery ToQuery(string? app, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var since = Time("since", Since, now, errors);
        var until = Time("until", Until, now, errors);
        var sources = Sources(errors);
        var query = new LogQuery
        {
            App = app,
            Since = since,
            Until = until,
            Service = Empty(Service),
            Release = Release,
            ProcessId = Empty(Process),
            Sources = sources,
            Filter = Filter,
            IgnoreCase = IgnoreCase ?? false,
            Tail = Tail,
        };
        if (errors.Count == 0 && query.Validate() is { Count: > 0 } problems)
        {
            errors["query"] = [.. problems];
        }

        if (errors.Count > 0)
        {
            throw new WharfValidationException(string.Join(" ", errors.Values.SelectMany(v => v)), errors);
        }

        return query;
    }

    private static DateTimeOffset? Time(string name, string? text, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (LogTimes.TryParse(text, now, out var time))
        {
            return time;
        }

        errors[name] = [LogTimes.Problem($"'{name}'", text)];
        return null;
    }

    private LogSource? Sources(Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(Source))
        {
            return null;
        }

        LogSource sources = 0;
        foreach (var name in Source.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            LogSource? source = name switch
            {
                "stdout" => LogSource.Stdout,
                "stderr" => LogSource.Stderr,
                "build" => LogSource.Build,
                "event" => LogSource.Event,
                _ => null,
            };
            if (source is null)
            {
                errors["source"] = [$"'source' has '{name}': give stdout, stderr, build or event (comma-separated for several)."];
                return null;
            }

            sources |= source.Value;
        }

        return sources == 0 ? null : sources;
    }

    private static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
