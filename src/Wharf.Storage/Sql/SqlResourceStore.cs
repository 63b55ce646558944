using System.Data.Common;
using Wharf.Core.Crypto;
using Wharf.Core.Resources;
using Wharf.Manifest;

namespace Wharf.Storage.Sql;

/// <summary>Resource rows hold the credentials only sealed; the plaintext never reaches this layer.</summary>
internal sealed class SqlResourceStore(SqlBackend db) : IResourceStore
{
    private const string Columns = "app, name, type, key_id, wrapped_key, nonce, ciphertext, tag, created_at";

    public Task<IReadOnlyList<ResourceRecord>> ListAsync(string app, CancellationToken ct = default) =>
        db.QueryAsync($"SELECT {Columns} FROM resources WHERE app = @app ORDER BY name", [("@app", app)], Read, ct);

    public Task<ResourceRecord?> GetAsync(string app, string name, CancellationToken ct = default) =>
        db.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM resources WHERE app = @app AND name = @name", [("@app", app), ("@name", name)], Read, ct);

    public Task<bool> TryInsertAsync(ResourceRecord record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var box = record.Credentials;
        return db.TryInsertAsync(
            $"INSERT INTO resources ({Columns}) VALUES (@app, @name, @type, @keyId, @wrappedKey, @nonce, @ciphertext, @tag, @createdAt)",
            [
                ("@app", record.App),
                ("@name", record.Name),
                ("@type", TypeText(record.Type)),
                ("@keyId", box.KeyId),
                ("@wrappedKey", box.WrappedKey),
                ("@nonce", box.Nonce),
                ("@ciphertext", box.Ciphertext),
                ("@tag", box.Tag),
                ("@createdAt", db.ToDb(record.CreatedAt)),
            ],
            ct);
    }

    public async Task<bool> DeleteAsync(string app, string name, CancellationToken ct = default) =>
        await db.ExecuteAsync("DELETE FROM resources WHERE app = @app AND name = @name", [("@app", app), ("@name", name)], ct) > 0;

    // Stored as wharf.yml spells the type, so the rows read the same in any SQL client.
    private static string TypeText(ResourceType type) => type switch
    {
        ResourceType.Postgres => "postgres",
        ResourceType.Redis => "redis",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown resource type."),
    };

    private static ResourceType ParseType(string text) => text switch
    {
        "postgres" => ResourceType.Postgres,
        "redis" => ResourceType.Redis,
        _ => throw new InvalidDataException($"The state store holds a resource of unknown type '{text}': was it written by a newer Wharf?"),
    };

    private ResourceRecord Read(DbDataReader r) =>
        new(
            r.GetString(0),
            r.GetString(1),
            ParseType(r.GetString(2)),
            new SealedBox(
                r.GetString(3),
                r.GetFieldValue<byte[]>(4),
                r.GetFieldValue<byte[]>(5),
                r.GetFieldValue<byte[]>(6),
                r.GetFieldValue<byte[]>(7)),
            db.ReadTimestamp(r, 8));
}
