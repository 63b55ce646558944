using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Wharf.Core.Api;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests;

public sealed class AuthTests(WharfServerFactory server) : IClassFixture<WharfServerFactory>
{
    private const string LoginHint =
        "The token is missing or unknown: run `wharf login URL` with a token from `wharf tokens create` "
        + "(the first one is DATA/admin.token on the server), or set WHARF_TOKEN.";

    [Fact]
    public async Task AnyV1Route_NoToken_Answers401ProblemWithLoginHint()
    {
        using var client = server.ClientWith(token: null);

        var response = await client.GetAsync("/v1/apps");

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(LoginHint, problem.Detail);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Theory]
    [InlineData("Bearer wharf_not-a-real-token")]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    [InlineData("Bearer ")]
    public async Task AnyV1Route_UnknownOrMalformedToken_Answers401(string header)
    {
        using var client = server.ClientWith(token: null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync("/v1/whoami"), HttpStatusCode.Unauthorized);

        Assert.Equal(LoginHint, problem.Detail);
    }

    [Fact]
    public async Task WhoAmI_AdminToken_ActsAsAdmin()
    {
        using var client = server.AdminClient();

        var me = await HttpAssert.OkAsync<WhoAmI>(await client.GetAsync("/v1/whoami"));

        Assert.Equal(("admin", "admin"), (me.Name, me.Role));
        Assert.False(string.IsNullOrWhiteSpace(me.ServerVersion));
    }

    [Fact]
    public async Task WhoAmI_MintedToken_ActsAsItsNameAndRole()
    {
        using var client = await server.ClientForNewTokenAsync("deploy", "ci-whoami");

        var me = await HttpAssert.OkAsync<WhoAmI>(await client.GetAsync("/v1/whoami"));

        Assert.Equal(("ci-whoami", "deploy"), (me.Name, me.Role));
    }

    [Fact]
    public async Task RevokedToken_Answers401()
    {
        using var admin = server.AdminClient();
        var token = await HttpAssert.OkAsync<TokenInfo>(await admin.PostAsJsonAsync("/v1/tokens", new CreateTokenRequest("short-lived", "read")), HttpStatusCode.Created);
        using var client = server.ClientWith(token.Secret);
        await HttpAssert.OkAsync<WhoAmI>(await client.GetAsync("/v1/whoami"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/tokens/{token.Id}")).StatusCode);

        await HttpAssert.ProblemAsync(await client.GetAsync("/v1/whoami"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DeployRoute_ReadToken_Answers403NamingBothRoles()
    {
        using var client = await server.ClientForNewTokenAsync("read", "viewer");

        var response = await client.PostAsJsonAsync("/v1/apps", new CreateAppRequest("forbidden-app"));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.StartsWith("This needs the deploy role; your token 'viewer' has read.", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminRoute_DeployToken_Answers403NamingBothRoles()
    {
        using var client = await server.ClientForNewTokenAsync("deploy", "ci-audit");

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync("/v1/audit"), HttpStatusCode.Forbidden);

        Assert.StartsWith("This needs the admin role; your token 'ci-audit' has deploy.", problem.Detail, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Routes() => new()
    {
        { "GET", "/v1/whoami", "read" },
        { "GET", "/v1/apps", "read" },
        { "POST", "/v1/apps", "deploy" },
        { "GET", "/v1/apps/{app}", "read" },
        { "DELETE", "/v1/apps/no-such-app", "admin" },
        { "GET", "/v1/apps/{app}/env", "read" },
        { "GET", "/v1/apps/{app}/env?reveal=true", "deploy" },
        { "PATCH", "/v1/apps/{app}/env", "deploy" },
        { "GET", "/v1/apps/{app}/releases", "read" },
        { "GET", "/v1/apps/{app}/releases/1", "read" },
        { "GET", "/v1/apps/{app}/releases/1/diff/1", "read" },
        { "GET", "/v1/apps/{app}/builds", "read" },
        { "GET", "/v1/apps/{app}/builds/1", "read" },
        { "GET", "/v1/tokens", "admin" },
        { "POST", "/v1/tokens", "admin" },
        { "DELETE", "/v1/tokens/tok_00000000", "admin" },
        { "GET", "/v1/audit", "admin" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_EachRole_AllowedOnlyFromItsMinimumRoleUp(string method, string route, string minimum)
    {
        string[] roles = ["read", "deploy", "admin"];
        using var admin = server.AdminClient();
        var app = ApiCalls.NewAppName("roles");
        await admin.CreateAppAsync(app);
        await admin.SetEnvAsync(app, new Dictionary<string, string> { ["FOO"] = "1" });

        foreach (var role in roles)
        {
            using var client = await server.ClientForNewTokenAsync(role);
            using var request = new HttpRequestMessage(new HttpMethod(method), route.Replace("{app}", app, StringComparison.Ordinal))
            {
                Content = Body(method, route),
            };

            var response = await client.SendAsync(request);

            var allowed = Array.IndexOf(roles, role) >= Array.IndexOf(roles, minimum);
            if (allowed)
            {
                Assert.True(
                    response.StatusCode is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden,
                    $"{role} should be allowed to {method} {route}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            else
            {
                var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
                Assert.Contains($"needs the {minimum} role; your token", problem.Detail, StringComparison.Ordinal);
            }
        }
    }

    private static JsonContent? Body(string method, string route) => (method, route) switch
    {
        ("POST", "/v1/apps") => JsonContent.Create(new CreateAppRequest(ApiCalls.NewAppName("made"))),
        ("PATCH", _) => JsonContent.Create(new EnvChangeRequest(new Dictionary<string, string> { ["BAR"] = "2" }, null)),
        ("POST", "/v1/tokens") => JsonContent.Create(new CreateTokenRequest($"t-{Guid.NewGuid():N}"[..12], "read")),
        _ => null,
    };

    [Fact]
    public async Task Health_WithGarbageToken_StillAnswersOk()
    {
        using var client = server.ClientWith(token: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "garbage");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
