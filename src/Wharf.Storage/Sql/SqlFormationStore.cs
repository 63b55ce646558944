using Wharf.Core.Formation;

namespace Wharf.Storage.Sql;

internal sealed class SqlFormationStore(SqlBackend db) : IFormationStore
{
    public async Task<IReadOnlyDictionary<string, int>> GetAsync(string app, CancellationToken ct = default)
    {
        var rows = await db.QueryAsync(
            "SELECT service, count FROM formation WHERE app = @app",
            [("@app", app)],
            r => (Service: r.GetString(0), Count: r.GetInt32(1)),
            ct);
        return rows.ToDictionary(row => row.Service, row => row.Count, StringComparer.Ordinal);
    }

    public Task SetAsync(string app, IReadOnlyDictionary<string, int> counts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var (service, count) in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count, $"{nameof(counts)}[{service}]");
        }

        return db.InTransactionAsync<object?>(
            async (connection, transaction) =>
            {
                foreach (var (service, count) in counts)
                {
                    await connection.ExecuteAsync(
                        transaction,
                        "INSERT INTO formation (app, service, count) VALUES (@app, @service, @count) "
                        + "ON CONFLICT (app, service) DO UPDATE SET count = excluded.count",
                        [("@app", app), ("@service", service), ("@count", count)],
                        ct);
                }

                return null;
            },
            ct);
    }
}
