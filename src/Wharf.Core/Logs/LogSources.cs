namespace Wharf.Core.Logs;

/// <summary>Useful combinations of <see cref="LogSource"/> for queries.</summary>
public static class LogSources
{
    /// <summary>A process's output, both streams.</summary>
    public const LogSource Process = LogSource.Stdout | LogSource.Stderr;

    public const LogSource All = LogSource.Stdout | LogSource.Stderr | LogSource.Build | LogSource.Event;
}
