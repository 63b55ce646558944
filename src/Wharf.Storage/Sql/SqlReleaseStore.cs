using System.Data.Common;
using Wharf.Core.Releases;

namespace Wharf.Storage.Sql;

internal sealed class SqlReleaseStore(SqlBackend db) : IReleaseStore
{
    private const string Columns = "app, version, build, env_version, manifest, description, created_by, created_at";

    public Task<Release?> GetAsync(string app, int version, CancellationToken ct = default) =>
        db.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM releases WHERE app = @app AND version = @version",
            [("@app", app), ("@version", version)],
            Read,
            ct);

    public Task<Release?> LatestAsync(string app, CancellationToken ct = default) =>
        db.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM releases WHERE app = @app ORDER BY version DESC LIMIT 1",
            [("@app", app)],
            Read,
            ct);

    public Task<IReadOnlyList<Release>> ListAsync(string app, int limit = 50, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return db.QueryAsync(
            $"SELECT {Columns} FROM releases WHERE app = @app ORDER BY version DESC LIMIT @limit",
            [("@app", app), ("@limit", limit)],
            Read,
            ct);
    }

    public Task<bool> TryInsertAsync(Release release, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(release);
        return db.TryInsertAsync(
            $"INSERT INTO releases ({Columns}) VALUES (@app, @version, @build, @envVersion, @manifest, @description, @createdBy, @createdAt)",
            [
                ("@app", release.App),
                ("@version", release.Version),
                ("@build", release.Build),
                ("@envVersion", release.EnvVersion),
                ("@manifest", release.Manifest),
                ("@description", release.Description),
                ("@createdBy", release.CreatedBy),
                ("@createdAt", db.ToDb(release.CreatedAt)),
            ],
            ct);
    }

    private Release Read(DbDataReader r) =>
        new(
            r.GetString(0),
            r.GetInt32(1),
            r.IsDBNull(2) ? null : r.GetInt32(2),
            r.IsDBNull(3) ? null : r.GetInt32(3),
            r.IsDBNull(4) ? null : r.GetString(4),
            r.GetString(5),
            r.GetString(6),
            db.ReadTimestamp(r, 7));
}
