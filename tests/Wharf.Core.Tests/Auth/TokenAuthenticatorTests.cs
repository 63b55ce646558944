using Wharf.Core.Api;
using Wharf.Core.Auth;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Auth;

public sealed class TokenAuthenticatorTests
{
    private const string AdminSecret = "wharf_admin-secret-for-tests";

    private readonly CoreHarness _core = new();
    private readonly TokenAuthenticator _authenticator;

    public TokenAuthenticatorTests()
    {
        _authenticator = new TokenAuthenticator(_core.State, AdminToken.FromSecret(AdminSecret + "\n"));
    }

    [Fact]
    public async Task AuthenticateAsync_AdminToken_ActsAsAdmin()
    {
        var actor = await _authenticator.AuthenticateAsync(AdminSecret);

        Assert.Equal(new Actor("admin", Role.Admin), actor);
    }

    [Fact]
    public async Task AuthenticateAsync_MintedToken_ActsAsItsNameAndRole()
    {
        var token = await _core.Tokens.CreateAsync(Actor.Admin, new CreateTokenRequest("ci", "deploy"));

        var actor = await _authenticator.AuthenticateAsync(token.Secret);

        Assert.Equal(new Actor("ci", Role.Deploy), actor);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("wharf_unknown")]
    [InlineData(AdminSecret + "x")]
    public async Task AuthenticateAsync_UnknownOrEmpty_ReturnsNull(string? presented)
    {
        Assert.Null(await _authenticator.AuthenticateAsync(presented));
    }

    [Fact]
    public async Task AuthenticateAsync_OneCharacterOff_ReturnsNull()
    {
        var token = await _core.Tokens.CreateAsync(Actor.Admin, new CreateTokenRequest("ci", "read"));
        var secret = token.Secret!;
        var tampered = secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');

        Assert.Null(await _authenticator.AuthenticateAsync(tampered));
    }

    [Fact]
    public async Task AuthenticateAsync_DeletedToken_ReturnsNull()
    {
        var token = await _core.Tokens.CreateAsync(Actor.Admin, new CreateTokenRequest("ci", "read"));
        await _core.Tokens.DeleteAsync(Actor.Admin, token.Id);

        Assert.Null(await _authenticator.AuthenticateAsync(token.Secret));
    }

    [Fact]
    public async Task AuthenticateAsync_StoreReturnsATokenWithAnotherHash_ReturnsNull()
    {
        // A store lookup is not trusted on its own: the hash is compared again in constant time.
        await _core.State.TokenStore.TryInsertAsync(new ApiToken("tok_1", "ci", Role.Admin, new byte[32], DateTimeOffset.UnixEpoch));
        _core.State.TokenStore.LookupIgnoresHash = true;

        Assert.Null(await _authenticator.AuthenticateAsync("wharf_anything"));
    }
}
