using System.Data.Common;
using Npgsql;
using Wharf.Storage.Sql;

namespace Wharf.Storage.Postgres;

/// <summary>Connections come from one NpgsqlDataSource (its own pool); commits are durable with PostgreSQL's default synchronous_commit.</summary>
internal sealed class PostgresBackend : SqlBackend
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresBackend(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override IReadOnlyList<Migration> Migrations => PostgresMigrations.All;

    public override string CreateSchemaVersionTableSql =>
        "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL);";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken ct) => await _dataSource.OpenConnectionAsync(ct);

    // CREATE TABLE IF NOT EXISTS is not safe against a concurrent twin; a lock per schema serializes starting servers.
    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = connection.Command(
            transaction,
            "SELECT pg_advisory_xact_lock(hashtext('wharf.migrate.' || current_schema()))",
            []);
        await command.ExecuteNonQueryAsync(ct);
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override object ToDb(DateTimeOffset value) => Timestamps.ToStored(value);

    public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
