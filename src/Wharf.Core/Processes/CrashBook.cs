using Wharf.Core.Runtime;

namespace Wharf.Core.Processes;

/// <summary>
/// Per service: how its processes ended and when the reconciler may start one again. A crash (an exit within
/// <see cref="ProcessOptions.CrashWindow"/> of starting) delays the next start by 1 s, 2 s, 4 s … up to
/// <see cref="ProcessOptions.MaxBackoff"/>; a process started after the last crash that stays up for the window
/// ends the streak. Kept in memory: after a server restart every service starts with a clean record.
/// </summary>
public sealed class CrashBook(ProcessOptions options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string App, string Service), Entry> _entries = [];

    /// <summary>True when the process ended (or, still running, would end now) within the crash window of its start.</summary>
    public bool IsCrash(RuntimeProcess process, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.StartedAt is not { } started || (process.FinishedAt ?? now) - started < options.CrashWindow;
    }

    /// <summary>Records how a service's process ended and returns the service's status after it.</summary>
    public CrashStatus Record(ProcessExit exit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(exit);
        lock (_lock)
        {
            var entry = EntryFor(exit.App, exit.Service);
            entry.Restarts++;
            entry.LastExit = exit;
            if (exit.Crashed)
            {
                entry.Consecutive++;
                entry.LastCrashAt = now;
                entry.NextAttemptAt = now + Backoff(entry.Consecutive);
            }
            else
            {
                entry.Consecutive = 0;
                entry.NextAttemptAt = null;
            }

            return StatusOf(entry, now);
        }
    }

    /// <summary>Ends a crash streak once a process started after the last crash has been up for the crash window.</summary>
    public void NoteRunning(string app, string service, IEnumerable<RuntimeProcess> running, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(running);
        lock (_lock)
        {
            if (_entries.TryGetValue((app, service), out var entry)
                && entry.Consecutive > 0
                && running.Any(p => p.StartedAt is { } started && started >= entry.LastCrashAt && now - started >= options.CrashWindow))
            {
                entry.Consecutive = 0;
                entry.NextAttemptAt = null;
            }
        }
    }

    public bool CanStart(string app, string service, DateTimeOffset now)
    {
        lock (_lock)
        {
            return !_entries.TryGetValue((app, service), out var entry) || entry.NextAttemptAt is not { } next || now >= next;
        }
    }

    public CrashStatus Status(string app, string service, DateTimeOffset now)
    {
        lock (_lock)
        {
            return _entries.TryGetValue((app, service), out var entry) ? StatusOf(entry, now) : new CrashStatus(0, 0, false, null, null);
        }
    }

    public void Forget(string app)
    {
        lock (_lock)
        {
            foreach (var key in _entries.Keys.Where(k => k.App == app).ToList())
            {
                _entries.Remove(key);
            }
        }
    }

    /// <summary>1 s, 2 s, 4 s … after 1, 2, 3 … crashes in a row, never more than the maximum.</summary>
    public TimeSpan Backoff(int consecutiveCrashes)
    {
        var doublings = Math.Clamp(consecutiveCrashes - 1, 0, 30);
        var delay = options.FirstBackoff * Math.Pow(2, doublings);
        return delay < options.MaxBackoff ? delay : options.MaxBackoff;
    }

    private CrashStatus StatusOf(Entry entry, DateTimeOffset now) => new(
        entry.Restarts,
        entry.Consecutive,
        entry.Consecutive >= options.CrashLoopThreshold,
        entry.LastExit,
        entry.NextAttemptAt is { } next && next > now ? next : null);

    private Entry EntryFor(string app, string service)
    {
        if (!_entries.TryGetValue((app, service), out var entry))
        {
            entry = new Entry();
            _entries[(app, service)] = entry;
        }

        return entry;
    }

    private sealed class Entry
    {
        public int Restarts { get; set; }

        public int Consecutive { get; set; }

        public DateTimeOffset LastCrashAt { get; set; }

        public DateTimeOffset? NextAttemptAt { get; set; }

        public ProcessExit? LastExit { get; set; }
    }
}
