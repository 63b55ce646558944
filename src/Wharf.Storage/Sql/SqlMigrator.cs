namespace Wharf.Storage.Sql;

/// <summary>Applies the pending migrations in one transaction, so a failed upgrade leaves the old schema intact.</summary>
internal static class SqlMigrator
{
    public static async Task MigrateAsync(SqlBackend backend, CancellationToken ct)
    {
        var migrations = backend.Migrations;
        var latest = migrations[^1].Version;

        await backend.InTransactionAsync<object?>(
            async (connection, transaction) =>
            {
                await backend.LockForMigrationAsync(connection, transaction, ct);
                await connection.ExecuteAsync(transaction, backend.CreateSchemaVersionTableSql, [], ct);

                await using var read = connection.Command(transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version", []);
                var current = Convert.ToInt32(await read.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
                if (current > latest)
                {
                    throw new InvalidOperationException(
                        $"The state database is at schema version {current}, but this Wharf knows versions up to {latest}; "
                        + "it was upgraded by a newer Wharf. Run that version (or newer) instead.");
                }

                foreach (var migration in migrations.Where(m => m.Version > current))
                {
                    await connection.ExecuteAsync(transaction, migration.Sql, [], ct);
                    await connection.ExecuteAsync(
                        transaction,
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (@version, @description, @appliedAt)",
                        [("@version", migration.Version), ("@description", migration.Description), ("@appliedAt", backend.ToDb(DateTimeOffset.UtcNow))],
                        ct);
                }

                return null;
            },
            ct);
    }
}
