using System.Data.Common;

namespace Wharf.Storage.Sql;

/// <summary>
/// What differs between SQLite and PostgreSQL (connections, schema, error codes, timestamp storage); the stores
/// share one set of SQL statements on top of it, so both backends behave the same.
/// </summary>
internal abstract class SqlBackend : IAsyncDisposable
{
    /// <summary>The ordered schema steps for this backend.</summary>
    public abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>Creates the schema_version table when it is missing.</summary>
    public abstract string CreateSchemaVersionTableSql { get; }

    /// <summary>Opens a connection configured for durable writes.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Keeps two processes from migrating at once; called first in the migration transaction.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct);

    /// <summary>True only for a unique or primary key conflict, which the TryInsert methods report as false.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    public abstract object ToDb(DateTimeOffset value);

    public abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    public abstract ValueTask DisposeAsync();

    public object? ToDb(DateTimeOffset? value) => value is { } v ? ToDb(v) : null;

    public DateTimeOffset? ReadNullableTimestamp(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTimestamp(reader, ordinal);

    public async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql,
        IReadOnlyList<(string Name, object? Value)> parameters,
        Func<DbDataReader, T> map,
        CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command(null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(
        string sql,
        IReadOnlyList<(string Name, object? Value)> parameters,
        Func<DbDataReader, T> map,
        CancellationToken ct)
        where T : class
    {
        var rows = await QueryAsync(sql, parameters, map, ct);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<object?> ScalarAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command(null, sql, parameters);
        return await command.ExecuteScalarAsync(ct);
    }

    public async Task<int> ExecuteAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.ExecuteAsync(null, sql, parameters, ct);
    }

    /// <summary>Runs an insert; false when it hit a unique key, any other failure propagates.</summary>
    public async Task<bool> TryInsertAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct)
    {
        try
        {
            await ExecuteAsync(sql, parameters, ct);
            return true;
        }
        catch (DbException ex) when (IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(ct);
        return result;
    }
}
