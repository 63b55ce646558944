using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Wharf.Core.Logs;

namespace Wharf.Storage.Logs;

/// <summary>
/// The embedded log store: one <see cref="AppLog"/> per app under the store's directory (and "_system" for the
/// platform's own log), opened and recovered on first use and kept open.
/// </summary>
internal sealed class FileLogStore : ILogStore
{
    /// <summary>The directory of the platform's log; app names cannot start with '_', so it never clashes with one.</summary>
    public const string SystemLogName = "_system";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Lazy<AppLog>> _logs = new(StringComparer.Ordinal);
    private readonly LogStoreOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly string _root;
    private readonly ITimer _retention;
    private readonly FileStream _directoryLock;
    private bool _disposed;

    public FileLogStore(LogStoreOptions options, TimeProvider clock, ILogger logger)
    {
        _options = options;
        _clock = clock;
        _logger = logger;
        _root = IO.DurableFile.EnsureDirectory(options.Directory, SegmentFiles.DirectoryMode);
        _directoryLock = LockDirectory(_root);
        _retention = clock.CreateTimer(_ => _ = RetainAsync(), null, options.RetentionInterval, options.RetentionInterval);
    }

    public async Task AppendAsync(IReadOnlyList<LogEntry> entries, LogCursor? cursor = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        LogEntryRules.Validate(entries, cursor);
        if (cursor is not null || AllOfOneApp(entries))
        {
            var app = cursor is not null ? cursor.App : entries.Count > 0 ? entries[0].App : null;
            if (entries.Count > 0 || cursor is not null)
            {
                await Log(app, create: true)!.AppendAsync(entries, cursor, ct);
            }

            return;
        }

        var byApp = entries.GroupBy(entry => entry.App ?? SystemLogName, StringComparer.Ordinal);
        await Task.WhenAll(byApp.Select(group => Log(group.First().App, create: true)!.AppendAsync([.. group], null, ct)));
    }

    public Task<string?> GetCursorAsync(string? app, string source, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Task.FromResult(Log(app, create: false)?.GetCursor(source));
    }

    public async IAsyncEnumerable<LogEntry> QueryAsync(LogQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        Validate(query);
        if (Log(query.App, create: false) is not { } log)
        {
            yield break;
        }

        await foreach (var entry in LogReader.QueryAsync(log.View, query.App, query, ct))
        {
            yield return entry;
        }
    }

    public async IAsyncEnumerable<LogEntry> FollowAsync(LogQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        Validate(query);
        await foreach (var entry in LogReader.FollowAsync(Log(query.App, create: true)!, query.App, query, ct))
        {
            yield return entry;
        }
    }

    public async Task ApplyRetentionAsync(CancellationToken ct = default)
    {
        if (!Directory.Exists(_root))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(_root))
        {
            var name = Path.GetFileName(directory);
            var app = name == SystemLogName ? null : name;
            if ((app is null || LogEntryRules.AppProblem(app) is null) && Log(app, create: false) is { } log)
            {
                await log.ApplyRetentionAsync(ct);
            }
        }
    }

    public async Task DeleteAppAsync(string app, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(app);
        if (LogEntryRules.AppProblem(app) is { } problem)
        {
            throw new ArgumentException(problem, nameof(app));
        }

        Lazy<AppLog>? opened;
        lock (_lock)
        {
            _logs.Remove(app, out opened);
        }

        if (opened is not null)
        {
            await opened.Value.DeleteAsync(ct);
            await opened.Value.DisposeAsync();
        }
        else if (Directory.Exists(Path.Combine(_root, app)))
        {
            Directory.Delete(Path.Combine(_root, app), recursive: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _retention.DisposeAsync();
        List<Lazy<AppLog>> logs;
        lock (_lock)
        {
            _disposed = true;
            logs = [.. _logs.Values];
            _logs.Clear();
        }

        foreach (var log in logs.Where(log => log.IsValueCreated))
        {
            await log.Value.DisposeAsync();
        }

        await _directoryLock.DisposeAsync();
    }

    /// <summary>Holds an exclusive lock on the directory for as long as the store is open: two writers would corrupt the logs.</summary>
    private static FileStream LockDirectory(string root)
    {
        var path = Path.Combine(root, ".lock");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = SegmentFiles.FileMode;
            }

            return new FileStream(path, options);
        }
        catch (IOException e)
        {
            throw new IOException($"The log directory '{root}' is in use by another Wharf server (it holds '{path}'); stop that one or give this one its own data directory.", e);
        }
    }

    /// <summary>The group commits of a log so far (tests: appends share them).</summary>
    internal long CommitsOf(string? app) => Log(app, create: false)?.Commits ?? 0;

    private async Task RetainAsync()
    {
        try
        {
            await ApplyRetentionAsync();
        }
        catch (ObjectDisposedException)
        {
            // The store closed during the pass.
        }
        catch (Exception e)
        {
            LogStoreLog.PeriodicRetentionFailed(_logger, e);
        }
    }

    private static void Validate(LogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problems = query.Validate();
        if (query.App is not null && LogEntryRules.AppProblem(query.App) is { } appProblem)
        {
            problems = [.. problems, appProblem];
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(query));
        }
    }

    private static bool AllOfOneApp(IReadOnlyList<LogEntry> entries)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            if (!string.Equals(entries[i].App, entries[0].App, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The open log of <paramref name="app"/>; opened on first use. Null when it has none on disk and <paramref name="create"/> is false.</summary>
    private AppLog? Log(string? app, bool create)
    {
        var name = app ?? SystemLogName;
        Lazy<AppLog>? log;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_logs.TryGetValue(name, out log))
            {
                var directory = Path.Combine(_root, name);
                if (!create && !Directory.Exists(directory))
                {
                    return null;
                }

                log = new Lazy<AppLog>(() => AppLog.Open(name, directory, _options, _clock, _logger), LazyThreadSafetyMode.ExecutionAndPublication);
                _logs[name] = log;
            }
        }

        try
        {
            return log.Value;
        }
        catch
        {
            // A log that failed to open is tried again next time rather than failing for good.
            lock (_lock)
            {
                if (_logs.TryGetValue(name, out var current) && current == log)
                {
                    _logs.Remove(name);
                }
            }

            throw;
        }
    }
}
