using Wharf.Storage.Sql;

namespace Wharf.Storage.Postgres;

/// <summary>The state store for several servers or a managed database: tables live in the connection's search_path schema.</summary>
/// <param name="connectionString">An Npgsql connection string; no connection is made until the first call.</param>
public sealed class PostgresStateStore(string connectionString) : SqlStateStore(new PostgresBackend(connectionString))
{
    public override string Name => "postgres";
}
