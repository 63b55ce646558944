using Wharf.Core.Api;
using Wharf.Core.Errors;
using Wharf.Core.Logs;

namespace Wharf.Server.Logs;

/// <summary>Turns the log endpoints' query string into the store's query.</summary>
public static class LogRequestQuery
{
    /// <summary>The store's query for the log of <paramref name="app"/> (null: the platform's), or every problem at once.</summary>
    /// <exception cref="WharfValidationException">A parameter is invalid; each is named.</exception>
    public static LogQuery ToQuery(this LogRequest request, string? app, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var since = Time("since", request.Since, now, errors);
        var until = Time("until", request.Until, now, errors);
        var sources = Sources(request.Source, errors);
        var query = new LogQuery
        {
            App = app,
            Since = since,
            Until = until,
            Service = Empty(request.Service),
            Release = request.Release,
            ProcessId = Empty(request.Process),
            Sources = sources,
            Filter = request.Filter,
            IgnoreCase = request.IgnoreCase ?? false,
            Tail = request.Tail,
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

    private static LogSource? Sources(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        LogSource sources = 0;
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
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
