using System.Data.Common;
using System.Runtime.Versioning;
using Wharf.Storage.Sqlite;
using Wharf.Storage.Tests.TestSupport;

namespace Wharf.Storage.Tests.Sqlite;

/// <summary>The per-connection settings durability and integrity rest on; a pooled connection must keep them too.</summary>
public sealed class SqliteBackendTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData("journal_mode", "wal")]
    [InlineData("synchronous", "2")]
    [InlineData("foreign_keys", "1")]
    [InlineData("busy_timeout", "10000")]
    public async Task OpenAsync_FreshAndPooledConnections_HaveDurableSettings(string pragma, string expected)
    {
        await using var backend = new SqliteBackend(_directory.Combine("state.db"));

        for (var i = 0; i < 2; i++)
        {
            await using var connection = await backend.OpenAsync(CancellationToken.None);
            Assert.Equal(expected, await PragmaAsync(connection, pragma));
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task NewDatabase_AfterAWrite_FileWalAndShmAreOwnerOnly()
    {
        await using var store = new SqliteStateStore(_directory.Combine("state.db"));
        await store.MigrateAsync();

        foreach (var name in new[] { "state.db", "state.db-wal", "state.db-shm" })
        {
            var path = _directory.Combine(name);
            Assert.True(File.Exists(path), $"{name} was not created");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    public void Dispose() => _directory.Dispose();

    private static async Task<string?> PragmaAsync(DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
