namespace Wharf.Core.Processes;

/// <summary>Timings of the reconciler, crash backoff, timers and process commands.</summary>
public sealed record ProcessOptions
{
    /// <summary>How often every app is reconciled when nothing pokes the reconciler sooner.</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A process that exits sooner than this after it started crashed; one up this long ends a crash streak.</summary>
    public TimeSpan CrashWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The wait before restarting after the first crash; it doubles with each further crash in a row.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Crashes in a row after which a service is reported as crash looping.</summary>
    public int CrashLoopThreshold { get; init; } = 3;

    /// <summary>Log lines kept from a process that exited.</summary>
    public int ExitLogLines { get; init; } = 20;

    /// <summary>How long `wharf ps` waits for one process's CPU and memory before leaving them out.</summary>
    public TimeSpan StatsTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Added to a service's health grace: how long a restarted process may take to accept connections.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the timer scheduler looks for timers that are due.</summary>
    public TimeSpan TimerTick { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>SIGTERM-to-SIGKILL grace for processes whose service the current manifest does not have.</summary>
    public TimeSpan DefaultGrace { get; init; } = TimeSpan.FromSeconds(10);
}
