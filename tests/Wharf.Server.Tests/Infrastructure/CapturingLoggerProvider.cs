namespace Wharf.Server.Tests.Infrastructure;

/// <summary>A logger provider that writes every message, its structured fields and exceptions into <see cref="CapturedLogs"/>.</summary>
public sealed class CapturingLoggerProvider(CapturedLogs logs) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, logs);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            logs.Add($"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)} {{{fields}}} {exception}");
        }
    }
}
