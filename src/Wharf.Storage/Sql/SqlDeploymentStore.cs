using System.Data.Common;
using System.Globalization;
using Wharf.Core.Deployments;

namespace Wharf.Storage.Sql;

internal sealed class SqlDeploymentStore(SqlBackend db) : IDeploymentStore
{
    private const string Columns = "app, id, kind, status, build, release, error, created_by, created_at, finished_at";

    public Task<Deployment?> GetAsync(string app, int id, CancellationToken ct = default) =>
        db.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM deployments WHERE app = @app AND id = @id",
            [("@app", app), ("@id", id)],
            Read,
            ct);

    public Task<IReadOnlyList<Deployment>> ListAsync(string app, int limit = 50, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return db.QueryAsync(
            $"SELECT {Columns} FROM deployments WHERE app = @app ORDER BY id DESC LIMIT @limit",
            [("@app", app), ("@limit", limit)],
            Read,
            ct);
    }

    public Task<IReadOnlyList<Deployment>> ListUnfinishedAsync(CancellationToken ct = default) =>
        db.QueryAsync(
            $"SELECT {Columns} FROM deployments WHERE status IN ({DeploymentStatusText.Unfinished}) ORDER BY created_at, app, id",
            [],
            Read,
            ct);

    public async Task<int> LatestIdAsync(string app, CancellationToken ct = default)
    {
        var latest = await db.ScalarAsync("SELECT COALESCE(MAX(id), 0) FROM deployments WHERE app = @app", [("@app", app)], ct);
        return Convert.ToInt32(latest, CultureInfo.InvariantCulture);
    }

    public Task<bool> TryInsertAsync(Deployment deployment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return db.TryInsertAsync(
            $"INSERT INTO deployments ({Columns}) "
            + "VALUES (@app, @id, @kind, @status, @build, @release, @error, @createdBy, @createdAt, @finishedAt)",
            Parameters(deployment),
            ct);
    }

    public async Task UpdateAsync(Deployment deployment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var updated = await db.ExecuteAsync(
            "UPDATE deployments SET status = @status, build = @build, release = @release, error = @error, finished_at = @finishedAt "
            + "WHERE app = @app AND id = @id",
            Parameters(deployment),
            ct);
        if (updated == 0)
        {
            throw new KeyNotFoundException(
                $"Deployment {deployment.Id} of app '{deployment.App}' does not exist, so it cannot be updated.");
        }
    }

    private (string Name, object? Value)[] Parameters(Deployment deployment) =>
    [
        ("@app", deployment.App),
        ("@id", deployment.Id),
        ("@kind", deployment.Kind),
        ("@status", DeploymentStatusText.ToDb(deployment.Status)),
        ("@build", deployment.Build),
        ("@release", deployment.Release),
        ("@error", deployment.Error),
        ("@createdBy", deployment.CreatedBy),
        ("@createdAt", db.ToDb(deployment.CreatedAt)),
        ("@finishedAt", db.ToDb(deployment.FinishedAt)),
    ];

    private Deployment Read(DbDataReader r) =>
        new(
            r.GetString(0),
            r.GetInt32(1),
            r.GetString(2),
            DeploymentStatusText.Parse(r.GetString(3)),
            r.IsDBNull(4) ? null : r.GetInt32(4),
            r.IsDBNull(5) ? null : r.GetInt32(5),
            r.IsDBNull(6) ? null : r.GetString(6),
            r.GetString(7),
            db.ReadTimestamp(r, 8),
            db.ReadNullableTimestamp(r, 9));
}
