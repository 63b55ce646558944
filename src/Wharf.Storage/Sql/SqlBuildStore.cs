using System.Data.Common;
using System.Text.Json;
using Wharf.Core.Builds;

namespace Wharf.Storage.Sql;

internal sealed class SqlBuildStore(SqlBackend db) : IBuildStore
{
    private const string Columns = "app, number, status, images, manifest, error, created_at, finished_at";

    public Task<Build?> GetAsync(string app, int number, CancellationToken ct = default) =>
        db.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM builds WHERE app = @app AND number = @number",
            [("@app", app), ("@number", number)],
            Read,
            ct);

    public Task<IReadOnlyList<Build>> ListAsync(string app, int limit = 50, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return db.QueryAsync(
            $"SELECT {Columns} FROM builds WHERE app = @app ORDER BY number DESC LIMIT @limit",
            [("@app", app), ("@limit", limit)],
            Read,
            ct);
    }

    public async Task<int> LatestNumberAsync(string app, CancellationToken ct = default)
    {
        var latest = await db.ScalarAsync("SELECT COALESCE(MAX(number), 0) FROM builds WHERE app = @app", [("@app", app)], ct);
        return Convert.ToInt32(latest, System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<bool> TryInsertAsync(Build build, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        return db.TryInsertAsync(
            $"INSERT INTO builds ({Columns}) VALUES (@app, @number, @status, @images, @manifest, @error, @createdAt, @finishedAt)",
            Parameters(build),
            ct);
    }

    public async Task UpdateAsync(Build build, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        var updated = await db.ExecuteAsync(
            "UPDATE builds SET status = @status, images = @images, manifest = @manifest, error = @error, finished_at = @finishedAt "
            + "WHERE app = @app AND number = @number",
            Parameters(build),
            ct);
        if (updated == 0)
        {
            throw new KeyNotFoundException($"Build {build.Number} of app '{build.App}' does not exist, so it cannot be updated.");
        }
    }

    private (string Name, object? Value)[] Parameters(Build build) =>
    [
        ("@app", build.App),
        ("@number", build.Number),
        ("@status", build.Status.ToString()),
        ("@images", JsonSerializer.Serialize(build.Images)),
        ("@manifest", build.Manifest),
        ("@error", build.Error),
        ("@createdAt", db.ToDb(build.CreatedAt)),
        ("@finishedAt", db.ToDb(build.FinishedAt)),
    ];

    private Build Read(DbDataReader r) =>
        new(
            r.GetString(0),
            r.GetInt32(1),
            Enum.Parse<BuildStatus>(r.GetString(2)),
            JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(3)) ?? [],
            r.IsDBNull(4) ? null : r.GetString(4),
            r.IsDBNull(5) ? null : r.GetString(5),
            db.ReadTimestamp(r, 6),
            db.ReadNullableTimestamp(r, 7));
}
