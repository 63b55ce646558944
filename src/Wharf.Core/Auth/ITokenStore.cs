namespace Wharf.Core.Auth;

public interface ITokenStore
{
    /// <summary>Inserts the token; false when the id or the name is taken.</summary>
    Task<bool> TryInsertAsync(ApiToken token, CancellationToken ct = default);

    Task<ApiToken?> FindByHashAsync(byte[] hash, CancellationToken ct = default);

    /// <summary>Ordered by creation time.</summary>
    Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken ct = default);

    Task<bool> DeleteAsync(string id, CancellationToken ct = default);
}
