using System.Text;
using Wharf.Core.Config;
using Wharf.Core.Crypto;
using Wharf.Storage.Keys;
using Wharf.Storage.Sqlite;
using Wharf.Storage.Tests.Sql;
using Wharf.Storage.Tests.TestSupport;

namespace Wharf.Storage.Tests.Sqlite;

/// <summary>What an attacker with a copy of the data directory sees: the env plaintext must be in no file of it.</summary>
public sealed class SealedEnvAtRestTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task EnvVersion_StoredInSqlite_PlaintextIsInNoFileButOpensAfterReading()
    {
        var canary = "DATABASE_URL=postgres://u:CANARY-" + Guid.NewGuid().ToString("N") + "@db/app";
        var marker = "AUDIT-MARKER-" + Guid.NewGuid().ToString("N");
        var cipher = new EnvelopeCipher(new LocalKeyFileKey(_directory.Combine("keys", "kek.key")));
        var associatedData = EnvelopeCipher.EnvAssociatedData("hello", 1);
        var store = new SqliteStateStore(_directory.Combine("state.db"));
        await store.MigrateAsync();
        await store.Apps.TryCreateAsync(SampleData.App("hello"));

        var box = await cipher.SealAsync(Encoding.UTF8.GetBytes(canary), associatedData);
        await store.Env.TryInsertAsync(new EnvVersion("hello", 1, box, SampleData.T0));

        // A plaintext audit detail proves the scan reads the data the store wrote, WAL included.
        await store.Audit.AppendAsync(SampleData.Audit("hello") with { Detail = marker });
        Assert.True(File.Exists(_directory.Combine("state.db-wal")));
        AssertInNoFile(canary);
        Assert.True(FileContaining(marker) is not null, "the scan must see what the store wrote, or a missing canary proves nothing");

        var stored = await store.Env.GetAsync("hello", 1);
        Assert.Equal(canary, Encoding.UTF8.GetString(await cipher.OpenAsync(stored!.Sealed, associatedData)));

        await store.DisposeAsync();
        AssertInNoFile(canary);
        Assert.NotNull(FileContaining(marker));
    }

    public void Dispose() => _directory.Dispose();

    private void AssertInNoFile(string secret)
    {
        var file = FileContaining(secret);
        Assert.True(file is null, $"the plaintext was found in {file}");
    }

    private string? FileContaining(string text)
    {
        byte[][] needles = [Encoding.UTF8.GetBytes(text), Encoding.Unicode.GetBytes(text)];
        foreach (var file in Directory.EnumerateFiles(_directory.Path, "*", SearchOption.AllDirectories))
        {
            // FileShare.ReadWrite: SQLite still holds the database and WAL open.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            if (needles.Any(needle => bytes.AsSpan().IndexOf(needle) >= 0))
            {
                return file;
            }
        }

        return null;
    }
}
