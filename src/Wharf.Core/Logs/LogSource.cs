namespace Wharf.Core.Logs;

/// <summary>
/// Where a log line came from. The values are bits so that a <see cref="LogQuery"/> can ask for several at once
/// (e.g. <c>LogSource.Stdout | LogSource.Stderr</c>, all process output); an entry has exactly one.
/// </summary>
[Flags]
#pragma warning disable CA1008 // No "none": every entry has a source, and a query without sources is null, not zero.
public enum LogSource : byte
#pragma warning restore CA1008
{
    /// <summary>A process's standard output.</summary>
    Stdout = 1,

    /// <summary>A process's standard error.</summary>
    Stderr = 2,

    /// <summary>The output of an image build.</summary>
    Build = 4,

    /// <summary>A platform event: deploy started/finished/failed, health check failed, crash, restart, OOM kill, scale, promote, rollback, timer run.</summary>
    Event = 8,
}
