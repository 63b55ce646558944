using System.Net;
using System.Net.Http.Json;
using Wharf.Core.Api;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests;

public sealed class TokenEndpointsTests(WharfServerFactory server) : IClassFixture<WharfServerFactory>
{
    [Fact]
    public async Task Create_Valid_Answers201WithTheSecretOnce()
    {
        using var admin = server.AdminClient();

        var response = await admin.PostAsJsonAsync("/v1/tokens", new CreateTokenRequest("ci-create", "deploy"));

        var token = await HttpAssert.OkAsync<TokenInfo>(response, HttpStatusCode.Created);
        Assert.Matches("^tok_[0-9a-f]{8}$", token.Id);
        Assert.Matches("^wharf_[A-Za-z0-9_-]{43}$", token.Secret!);
        Assert.Equal(("ci-create", "deploy"), (token.Name, token.Role));
        var listed = await HttpAssert.OkAsync<List<TokenInfo>>(await admin.GetAsync("/v1/tokens"));
        var same = Assert.Single(listed, t => t.Id == token.Id);
        Assert.Null(same.Secret);
        Assert.DoesNotContain(token.Secret!, await (await admin.GetAsync("/v1/tokens")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BadNameAndRole_Answers400WithBothErrors()
    {
        using var admin = server.AdminClient();

        var problem = await HttpAssert.ProblemAsync(
            await admin.PostAsJsonAsync("/v1/tokens", new CreateTokenRequest("has space", "superuser")), HttpStatusCode.BadRequest);

        Assert.Equal(["The role 'superuser' is unknown: use read, deploy or admin."], problem.Errors!["role"]);
        Assert.Single(problem.Errors["name"]);
    }

    [Fact]
    public async Task Create_NameTaken_Answers409()
    {
        using var admin = server.AdminClient();
        await admin.PostAsJsonAsync("/v1/tokens", new CreateTokenRequest("ci-dup", "read"));

        var problem = await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/v1/tokens", new CreateTokenRequest("ci-dup", "read")), HttpStatusCode.Conflict);

        Assert.StartsWith("A token named 'ci-dup' already exists", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NamedAdmin_Answers400Reserved()
    {
        using var admin = server.AdminClient();

        var problem = await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/v1/tokens", new CreateTokenRequest("admin", "admin")), HttpStatusCode.BadRequest);

        Assert.Contains("reserved for the admin token", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_Twice_Answers204Then404()
    {
        using var admin = server.AdminClient();
        var token = await HttpAssert.OkAsync<TokenInfo>(await admin.PostAsJsonAsync("/v1/tokens", new CreateTokenRequest("ci-gone", "read")), HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/tokens/{token.Id}")).StatusCode);
        var problem = await HttpAssert.ProblemAsync(await admin.DeleteAsync($"/v1/tokens/{token.Id}"), HttpStatusCode.NotFound);

        Assert.Equal($"Token '{token.Id}' does not exist: run `wharf tokens` to see the token ids.", problem.Detail);
    }

    [Fact]
    public async Task MintedAdminToken_CanMintFurtherTokens()
    {
        using var ops = await server.ClientForNewTokenAsync("admin", "ops");

        var response = await ops.PostAsJsonAsync("/v1/tokens", new CreateTokenRequest("made-by-ops", "read"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
