using Npgsql;
using Wharf.Core.State;
using Wharf.Storage.Postgres;
using Wharf.Storage.Tests.Sql;
using Wharf.Storage.Tests.TestSupport;

namespace Wharf.Storage.Tests.Postgres;

/// <summary>
/// The state store contract against a real PostgreSQL server (WHARF_TEST_POSTGRES). Each test gets its own schema,
/// selected through the connection's search path, so parallel and repeated runs never see each other's rows.
/// </summary>
public sealed class PostgresStateStoreTests : StateStoreContract
{
    private readonly string _schema = "wharf_test_" + Guid.NewGuid().ToString("N");
    private string _adminConnectionString = "";
    private string _storeConnectionString = "";

    [Fact]
    public void Name_IsPostgres()
    {
        Assert.Equal("postgres", Store.Name);
    }

    protected override async Task CreateDatabaseAsync()
    {
        _adminConnectionString = RequiredEnvironment.Get("WHARF_TEST_POSTGRES", "postgres.sh && ensure_postgres");
        _storeConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { SearchPath = _schema }.ConnectionString;
        await ExecuteAsync(_adminConnectionString, $"CREATE SCHEMA {_schema}");
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_adminConnectionString.Length > 0)
        {
            await ExecuteAsync(_adminConnectionString, $"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        }
    }

    protected override IStateStore CreateStore() => new PostgresStateStore(_storeConnectionString);

    protected override Task ExecuteSqlAsync(string sql) => ExecuteAsync(_storeConnectionString, sql);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
