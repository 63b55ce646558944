using Microsoft.Data.Sqlite;
using Wharf.Core.State;
using Wharf.Storage.Sqlite;
using Wharf.Storage.Tests.Sql;
using Wharf.Storage.Tests.TestSupport;

namespace Wharf.Storage.Tests.Sqlite;

/// <summary>The state store contract over a real SQLite file in a temp directory, plus what only SQLite has.</summary>
public sealed class SqliteStateStoreTests : StateStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DatabasePath => _directory.Combine("data", "state.db");

    [Fact]
    public async Task MigrateAsync_NewFile_UsesWriteAheadLogging()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Constructor_MissingDirectory_CreatesIt()
    {
        await using var store = new SqliteStateStore(_directory.Combine("new", "nested", "state.db"));

        await store.MigrateAsync();

        Assert.True(File.Exists(_directory.Combine("new", "nested", "state.db")));
        Assert.Equal("sqlite", store.Name);
    }

    public void Dispose() => _directory.Dispose();

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override Task DropDatabaseAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    protected override IStateStore CreateStore() => new SqliteStateStore(DatabasePath);

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
