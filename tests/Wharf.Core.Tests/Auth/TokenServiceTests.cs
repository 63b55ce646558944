using System.Security.Cryptography;
using System.Text;
using Wharf.Core.Api;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Errors;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Auth;

public sealed class TokenServiceTests
{
    private readonly CoreHarness _core = new();

    [Fact]
    public async Task CreateAsync_Valid_ReturnsSecretOnceAndStoresOnlyItsHash()
    {
        var token = await _core.Tokens.CreateAsync(Actor.Admin, new CreateTokenRequest("ci", "deploy"));

        Assert.Matches("^tok_[0-9a-f]{8}$", token.Id);
        Assert.Matches("^wharf_[A-Za-z0-9_-]{43}$", token.Secret!);
        Assert.Equal(("ci", "deploy"), (token.Name, token.Role));
        var stored = Assert.Single(_core.State.TokenStore.All);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token.Secret!)), stored.Hash);
        Assert.Equal(Role.Deploy, stored.Role);
    }

    [Fact]
    public async Task CreateAsync_Valid_AuditsNameAndRoleButNotTheSecret()
    {
        var token = await _core.Tokens.CreateAsync(Actor.Admin, new CreateTokenRequest("ci", "READ"));

        var recorded = Assert.Single(_core.State.AuditStore.All);
        Assert.Equal(("admin", AuditActions.TokensCreate, "token:" + token.Id, "name ci, role read"), (recorded.Actor, recorded.Action, recorded.Target, recorded.Detail));
    }

    [Fact]
    public async Task CreateAsync_BadNameAndRole_ReportsBoth()
    {
        var error = await Assert.ThrowsAsync<WharfValidationException>(
            () => _core.Tokens.CreateAsync(Actor.Admin, new CreateTokenRequest("no spaces", "root")));

        Assert.StartsWith("The token name 'no spaces' is invalid", Assert.Single(error.Errors["name"]), StringComparison.Ordinal);
        Assert.Equal("The role 'root' is unknown: use read, deploy or admin.", Assert.Single(error.Errors["role"]));
    }

    [Fact]
    public async Task CreateAsync_NamedAdmin_ThrowsValidationBecauseReserved()
    {
        var error = await Assert.ThrowsAsync<WharfValidationException>(
            () => _core.Tokens.CreateAsync(Actor.Admin, new CreateTokenRequest("Admin", "read")));

        Assert.Contains("reserved for the admin token", Assert.Single(error.Errors["name"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_NameTaken_ThrowsConflict()
    {
        await _core.Tokens.CreateAsync(Actor.Admin, new CreateTokenRequest("ci", "read"));

        var error = await Assert.ThrowsAsync<ConflictException>(() => _core.Tokens.CreateAsync(Actor.Admin, new CreateTokenRequest("ci", "admin")));

        Assert.StartsWith("A token named 'ci' already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_AfterCreate_NeverIncludesSecrets()
    {
        await _core.Tokens.CreateAsync(Actor.Admin, new CreateTokenRequest("ci", "read"));
        await _core.Tokens.CreateAsync(Actor.Admin, new CreateTokenRequest("ops", "admin"));

        var tokens = await _core.Tokens.ListAsync();

        Assert.Equal(["ci", "ops"], tokens.Select(t => t.Name));
        Assert.All(tokens, t => Assert.Null(t.Secret));
    }

    [Fact]
    public async Task DeleteAsync_Existing_RevokesAndAudits()
    {
        var token = await _core.Tokens.CreateAsync(Actor.Admin, new CreateTokenRequest("ci", "read"));

        await _core.Tokens.DeleteAsync(Actor.Admin, token.Id);

        Assert.Empty(await _core.Tokens.ListAsync());
        Assert.Equal(AuditActions.TokensDelete, _core.State.AuditStore.All[^1].Action);
    }

    [Fact]
    public async Task DeleteAsync_Missing_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => _core.Tokens.DeleteAsync(Actor.Admin, "tok_00000000"));

        Assert.Equal("Token 'tok_00000000' does not exist: run `wharf tokens` to see the token ids.", error.Message);
    }

    [Fact]
    public void NewSecret_ManyTimes_NeverRepeats()
    {
        var secrets = Enumerable.Range(0, 1000).Select(_ => TokenSecrets.NewSecret()).ToHashSet();

        Assert.Equal(1000, secrets.Count);
        Assert.All(secrets, s => Assert.Matches("^wharf_[A-Za-z0-9_-]{43}$", s));
    }
}
