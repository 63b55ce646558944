using Wharf.Core.Logs;
using Wharf.Storage.Logs;
using Wharf.Storage.Tests.TestSupport;

namespace Wharf.Storage.Tests.Logs;

/// <summary>A log store in a throw-away directory, reopened at will, with helpers to write and read lines.</summary>
public sealed class LogTestStore : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();

    public LogTestStore(Func<LogStoreOptions, LogStoreOptions>? configure = null, ManualClock? clock = null)
    {
        Clock = clock ?? new ManualClock(T0);
        var options = new LogStoreOptions { Directory = _directory.Combine("logs") };
        Options = configure is null ? options : configure(options);
        Store = Open();
    }

    public LogStoreOptions Options { get; }

    public ManualClock Clock { get; }

    public ILogStore Store { get; private set; }

    public string Root => Options.Directory;

    public string AppDirectory(string? app) => Path.Combine(Root, app ?? "_system");

    /// <summary>Closes the store and opens it again, as a server restart does.</summary>
    public async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = Open();
    }

    /// <summary>Closes the store without reopening it (to change its files as a crash would).</summary>
    public async Task CloseAsync() => await Store.DisposeAsync();

    public void OpenAgain() => Store = Open();

    public static LogEntry Line(string app, string text, int second = 0, string? service = "web", string? process = "web-1", int? release = 1, LogSource source = LogSource.Stdout) =>
        new(T0.AddSeconds(second), app, source, service, process, release, text);

    public Task AppendAsync(params LogEntry[] entries) => Store.AppendAsync(entries);

    public Task<List<LogEntry>> QueryAsync(LogQuery query) => ToListAsync(Store.QueryAsync(query));

    public async Task<List<string>> TextsAsync(LogQuery query) => [.. (await QueryAsync(query)).Select(entry => entry.Text)];

    public static async Task<List<LogEntry>> ToListAsync(IAsyncEnumerable<LogEntry> entries)
    {
        var list = new List<LogEntry>();
        await foreach (var entry in entries)
        {
            list.Add(entry);
        }

        return list;
    }

    /// <summary>The segment files (.log) of an app's log, oldest first.</summary>
    public string[] Segments(string? app) => [.. Directory.GetFiles(AppDirectory(app), "*.log").Order(StringComparer.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }

    private ILogStore Open() => LogStoreFactory.Open(Options, Clock);
}
