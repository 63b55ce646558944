using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Wharf.Router.Tests.Support;

/// <summary>A logger provider that keeps every line the router logs, with its level and exception.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Line)> _lines = new();

    public IReadOnlyList<string> AtLeast(LogLevel level) => [.. _lines.Where(line => line.Level >= level).Select(line => line.Line)];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._lines.Enqueue((logLevel, $"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)} {exception}"));
    }
}
