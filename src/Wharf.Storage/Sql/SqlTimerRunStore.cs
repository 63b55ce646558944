using System.Data.Common;
using System.Globalization;
using Wharf.Core.Timers;

namespace Wharf.Storage.Sql;

internal sealed class SqlTimerRunStore(SqlBackend db) : ITimerRunStore
{
    private const string Columns = "id, app, timer, release, scheduled_at, started_at, finished_at, status, exit_code, process_id";

    public async Task<TimerRun> AppendAsync(TimerRun run, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var id = await db.ScalarAsync(
            "INSERT INTO timer_runs (app, timer, release, scheduled_at, started_at, finished_at, status, exit_code, process_id) "
            + "VALUES (@app, @timer, @release, @scheduledAt, @startedAt, @finishedAt, @status, @exitCode, @processId) RETURNING id",
            Parameters(run),
            ct);
        return run with
        {
            Id = Convert.ToInt64(id, CultureInfo.InvariantCulture),
            ScheduledAt = Timestamps.ToStored(run.ScheduledAt),
            StartedAt = run.StartedAt is { } started ? Timestamps.ToStored(started) : null,
            FinishedAt = run.FinishedAt is { } finished ? Timestamps.ToStored(finished) : null,
        };
    }

    public async Task UpdateAsync(TimerRun run, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var updated = await db.ExecuteAsync(
            "UPDATE timer_runs SET started_at = @startedAt, finished_at = @finishedAt, status = @status, exit_code = @exitCode, process_id = @processId "
            + "WHERE id = @id",
            [.. Parameters(run), ("@id", run.Id)],
            ct);
        if (updated == 0)
        {
            throw new KeyNotFoundException(
                $"Run {run.Id} of timer '{run.Timer}' of app '{run.App}' does not exist, so it cannot be updated.");
        }
    }

    public Task<IReadOnlyList<TimerRun>> ListAsync(string app, string? timer = null, int limit = 20, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);

        // Two statements rather than "@timer IS NULL OR ...": PostgreSQL cannot type a parameter that is only ever null.
        return timer is null
            ? db.QueryAsync(
                $"SELECT {Columns} FROM timer_runs WHERE app = @app ORDER BY scheduled_at DESC, id DESC LIMIT @limit",
                [("@app", app), ("@limit", limit)],
                Read,
                ct)
            : db.QueryAsync(
                $"SELECT {Columns} FROM timer_runs WHERE app = @app AND timer = @timer ORDER BY scheduled_at DESC, id DESC LIMIT @limit",
                [("@app", app), ("@timer", timer), ("@limit", limit)],
                Read,
                ct);
    }

    public Task<IReadOnlyList<TimerRun>> ListRunningAsync(CancellationToken ct = default) =>
        db.QueryAsync(
            $"SELECT {Columns} FROM timer_runs WHERE status = @status ORDER BY scheduled_at, id",
            [("@status", TimerRunStatusText.Running)],
            Read,
            ct);

    private (string Name, object? Value)[] Parameters(TimerRun run) =>
    [
        ("@app", run.App),
        ("@timer", run.Timer),
        ("@release", run.Release),
        ("@scheduledAt", db.ToDb(run.ScheduledAt)),
        ("@startedAt", db.ToDb(run.StartedAt)),
        ("@finishedAt", db.ToDb(run.FinishedAt)),
        ("@status", TimerRunStatusText.ToDb(run.Status)),
        ("@exitCode", run.ExitCode),
        ("@processId", run.ProcessId),
    ];

    private TimerRun Read(DbDataReader r) =>
        new(
            r.GetInt64(0),
            r.GetString(1),
            r.GetString(2),
            r.GetInt32(3),
            db.ReadTimestamp(r, 4),
            db.ReadNullableTimestamp(r, 5),
            db.ReadNullableTimestamp(r, 6),
            TimerRunStatusText.Parse(r.GetString(7)),
            r.IsDBNull(8) ? null : r.GetInt32(8),
            r.IsDBNull(9) ? null : r.GetString(9));
}
