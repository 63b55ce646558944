using System.Data.Common;
using Wharf.Core.Auth;

namespace Wharf.Storage.Sql;

internal sealed class SqlTokenStore(SqlBackend db) : ITokenStore
{
    private const string Columns = "id, name, role, hash, created_at";

    public Task<bool> TryInsertAsync(ApiToken token, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        return db.TryInsertAsync(
            $"INSERT INTO api_tokens ({Columns}) VALUES (@id, @name, @role, @hash, @createdAt)",
            [
                ("@id", token.Id),
                ("@name", token.Name),
                ("@role", token.Role.ToString()),
                ("@hash", token.Hash),
                ("@createdAt", db.ToDb(token.CreatedAt)),
            ],
            ct);
    }

    public Task<ApiToken?> FindByHashAsync(byte[] hash, CancellationToken ct = default) =>
        db.QuerySingleOrDefaultAsync($"SELECT {Columns} FROM api_tokens WHERE hash = @hash", [("@hash", hash)], Read, ct);

    public Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken ct = default) =>
        db.QueryAsync($"SELECT {Columns} FROM api_tokens ORDER BY created_at, id", [], Read, ct);

    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default) =>
        await db.ExecuteAsync("DELETE FROM api_tokens WHERE id = @id", [("@id", id)], ct) > 0;

    private ApiToken Read(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), Enum.Parse<Role>(r.GetString(2)), r.GetFieldValue<byte[]>(3), db.ReadTimestamp(r, 4));
}
