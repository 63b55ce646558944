using Wharf.Core.Auth;

namespace Wharf.Core.Tests.Fakes;

public sealed class InMemoryTokenStore : ITokenStore
{
    private readonly List<ApiToken> _tokens = [];

    public IReadOnlyList<ApiToken> All => _tokens;

    /// <summary>Makes lookups answer the first token whatever the hash, like a broken index would.</summary>
    public bool LookupIgnoresHash { get; set; }

    public Task<bool> TryInsertAsync(ApiToken token, CancellationToken ct = default)
    {
        if (_tokens.Any(t => t.Id == token.Id || t.Name == token.Name))
        {
            return Task.FromResult(false);
        }

        _tokens.Add(token);
        return Task.FromResult(true);
    }

    public Task<ApiToken?> FindByHashAsync(byte[] hash, CancellationToken ct = default) =>
        Task.FromResult(_tokens.FirstOrDefault(t => LookupIgnoresHash || t.Hash.AsSpan().SequenceEqual(hash)));

    public Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ApiToken>>([.. _tokens.OrderBy(t => t.CreatedAt)]);

    public Task<bool> DeleteAsync(string id, CancellationToken ct = default) =>
        Task.FromResult(_tokens.RemoveAll(t => t.Id == id) > 0);
}
