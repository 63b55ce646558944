using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Wharf.Storage.Sql;

namespace Wharf.Storage.Sqlite;

/// <summary>
/// One connection per operation from Microsoft.Data.Sqlite's pool. WAL lets readers run beside the single writer;
/// synchronous=FULL fsyncs the WAL on every commit, which is what makes a returned call durable.
/// </summary>
internal sealed class SqliteBackend : SqlBackend
{
    // Fixed width, so text order is time order (token listing sorts on it).
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private const string ConnectionPragmas =
        "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";

    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    private readonly string _connectionString;

    public SqliteBackend(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var fullPath = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        CreateOwnerOnly(fullPath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    /// <summary>
    /// Creates the database file readable by its owner only, before SQLite would create it with the umask's 0644.
    /// SQLite gives the -wal and -shm files the database file's mode, so all three stay private. An empty file is a
    /// valid empty database; an existing file is left as it is.
    /// </summary>
    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }

        try
        {
            using var _ = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another store created it at the same moment: its mode is that creator's business.
        }
    }

    public override string CreateSchemaVersionTableSql =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await connection.ExecuteAsync(null, ConnectionPragmas, [], ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // Microsoft.Data.Sqlite begins transactions with BEGIN IMMEDIATE, which already takes the write lock.
    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        Task.CompletedTask;

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException
        {
            SqliteErrorCode: SqliteConstraint,
            SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        };

    public override object ToDb(DateTimeOffset value) =>
        Timestamps.ToStored(value).ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(
            reader.GetString(ordinal),
            TimestampFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file (and its -wal) open; closing them lets a reopen or a delete see a quiet file.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
