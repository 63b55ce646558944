using System.Data.Common;
using Wharf.Core.Config;
using Wharf.Core.Crypto;

namespace Wharf.Storage.Sql;

/// <summary>Env versions hold only the sealed box; the plaintext never reaches this layer.</summary>
internal sealed class SqlEnvStore(SqlBackend db) : IEnvStore
{
    private const string Columns = "app, version, key_id, wrapped_key, nonce, ciphertext, tag, created_at";

    public Task<EnvVersion?> GetAsync(string app, int version, CancellationToken ct = default) =>
        db.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM env_versions WHERE app = @app AND version = @version",
            [("@app", app), ("@version", version)],
            Read,
            ct);

    public Task<EnvVersion?> LatestAsync(string app, CancellationToken ct = default) =>
        db.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM env_versions WHERE app = @app ORDER BY version DESC LIMIT 1",
            [("@app", app)],
            Read,
            ct);

    public Task<bool> TryInsertAsync(EnvVersion version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var box = version.Sealed;
        return db.TryInsertAsync(
            $"INSERT INTO env_versions ({Columns}) VALUES (@app, @version, @keyId, @wrappedKey, @nonce, @ciphertext, @tag, @createdAt)",
            [
                ("@app", version.App),
                ("@version", version.Version),
                ("@keyId", box.KeyId),
                ("@wrappedKey", box.WrappedKey),
                ("@nonce", box.Nonce),
                ("@ciphertext", box.Ciphertext),
                ("@tag", box.Tag),
                ("@createdAt", db.ToDb(version.CreatedAt)),
            ],
            ct);
    }

    private EnvVersion Read(DbDataReader r) =>
        new(
            r.GetString(0),
            r.GetInt32(1),
            new SealedBox(
                r.GetString(2),
                r.GetFieldValue<byte[]>(3),
                r.GetFieldValue<byte[]>(4),
                r.GetFieldValue<byte[]>(5),
                r.GetFieldValue<byte[]>(6)),
            db.ReadTimestamp(r, 7));
}
