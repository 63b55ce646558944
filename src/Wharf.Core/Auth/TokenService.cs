using Wharf.Core.Api;
using Wharf.Core.Audit;
using Wharf.Core.Errors;
using Wharf.Core.State;

namespace Wharf.Core.Auth;

/// <summary>Mints, lists and revokes API tokens. Only a token's hash is stored; its secret is shown once.</summary>
public sealed class TokenService(IStateStore state, AuditLog audit, TimeProvider clock)
{
    // Ids are 32 random bits; a clash is rare, so a few fresh tries settle it.
    private const int MaxIdAttempts = 5;

    public async Task<TokenInfo> CreateAsync(Actor actor, CreateTokenRequest request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (TokenNames.Problem(request.Name) is { } nameProblem)
        {
            errors.Add("name", nameProblem);
        }

        if (!RoleNames.TryParse(request.Role, out var role))
        {
            errors.Add("role", $"The role '{request.Role}' is unknown: use read, deploy or admin.");
        }

        errors.ThrowIfAny();
        var name = request.Name.Trim();
        for (var attempt = 0; attempt < MaxIdAttempts; attempt++)
        {
            var secret = TokenSecrets.NewSecret();
            var token = new ApiToken(TokenSecrets.NewId(), name, role!.Value, TokenSecrets.Hash(secret), clock.GetUtcNow());
            if (await state.Tokens.TryInsertAsync(token, ct))
            {
                await audit.RecordAsync(actor, AuditActions.TokensCreate, Target(token.Id), $"name {name}, role {token.Role.ToName()}", ct);
                return ToInfo(token, secret);
            }

            var existing = await state.Tokens.ListAsync(ct);
            if (existing.Any(t => string.Equals(t.Name, name, StringComparison.Ordinal)))
            {
                throw new ConflictException($"A token named '{name}' already exists: pick another name, or delete it first with `wharf tokens delete`.");
            }
        }

        throw new ConflictException("Could not find a free token id; try again.");
    }

    public async Task<IReadOnlyList<TokenInfo>> ListAsync(CancellationToken ct = default)
    {
        var tokens = await state.Tokens.ListAsync(ct);
        return [.. tokens.Select(t => ToInfo(t, secret: null))];
    }

    public async Task DeleteAsync(Actor actor, string id, CancellationToken ct = default)
    {
        var token = (await state.Tokens.ListAsync(ct)).FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));
        if (token is null || !await state.Tokens.DeleteAsync(id, ct))
        {
            throw new NotFoundException($"Token '{id}' does not exist: run `wharf tokens` to see the token ids.");
        }

        await audit.RecordAsync(actor, AuditActions.TokensDelete, Target(id), $"name {token.Name}, role {token.Role.ToName()}", ct);
    }

    private static string Target(string id) => "token:" + id;

    private static TokenInfo ToInfo(ApiToken token, string? secret) =>
        new(token.Id, token.Name, token.Role.ToName(), token.CreatedAt, secret);
}
