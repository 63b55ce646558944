using System.Data.Common;
using Wharf.Core.Apps;

namespace Wharf.Storage.Sql;

internal sealed class SqlAppStore(SqlBackend db) : IAppStore
{
    private const string Columns = "name, created_at, current_release";

    // Children first: the foreign keys from them to apps have no cascade, so a forgotten table fails loudly.
    private static readonly string[] _childTables =
        ["deployments", "formation", "timer_runs", "resources", "releases", "builds", "env_versions"];

    public Task<App?> GetAsync(string name, CancellationToken ct = default) =>
        db.QuerySingleOrDefaultAsync($"SELECT {Columns} FROM apps WHERE name = @name", [("@name", name)], Read, ct);

    public Task<IReadOnlyList<App>> ListAsync(CancellationToken ct = default) =>
        db.QueryAsync($"SELECT {Columns} FROM apps ORDER BY name", [], Read, ct);

    public Task<bool> TryCreateAsync(App app, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        return db.TryInsertAsync(
            $"INSERT INTO apps ({Columns}) VALUES (@name, @createdAt, @currentRelease)",
            [("@name", app.Name), ("@createdAt", db.ToDb(app.CreatedAt)), ("@currentRelease", app.CurrentRelease)],
            ct);
    }

    public Task<bool> DeleteAsync(string name, CancellationToken ct = default) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                foreach (var table in _childTables)
                {
                    await connection.ExecuteAsync(transaction, $"DELETE FROM {table} WHERE app = @name", [("@name", name)], ct);
                }

                return await connection.ExecuteAsync(transaction, "DELETE FROM apps WHERE name = @name", [("@name", name)], ct) > 0;
            },
            ct);

    public async Task SetCurrentReleaseAsync(string name, int version, CancellationToken ct = default)
    {
        var updated = await db.ExecuteAsync(
            "UPDATE apps SET current_release = @version WHERE name = @name",
            [("@name", name), ("@version", version)],
            ct);
        if (updated == 0)
        {
            throw new KeyNotFoundException($"App '{name}' does not exist, so its current release cannot be set.");
        }
    }

    private App Read(DbDataReader r) =>
        new(r.GetString(0), db.ReadTimestamp(r, 1), r.IsDBNull(2) ? null : r.GetInt32(2));
}
