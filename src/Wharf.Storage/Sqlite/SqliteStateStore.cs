using Wharf.Storage.Sql;

namespace Wharf.Storage.Sqlite;

/// <summary>The single-machine state store: one SQLite file, created on first use.</summary>
/// <param name="databasePath">The database file, e.g. DATA/state.db; its directory is created when missing.</param>
public sealed class SqliteStateStore(string databasePath) : SqlStateStore(new SqliteBackend(databasePath))
{
    public override string Name => "sqlite";
}
