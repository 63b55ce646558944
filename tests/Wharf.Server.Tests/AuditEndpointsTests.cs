using System.Net;
using System.Net.Http.Json;
using Wharf.Core.Api;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests;

public sealed class AuditEndpointsTests(WharfServerFactory server) : IClassFixture<WharfServerFactory>
{
    [Fact]
    public async Task Audit_EveryWrite_RecordedWithActorAndNoValues()
    {
        using var admin = server.AdminClient();
        using var ci = await server.ClientForNewTokenAsync("deploy", "ci-audited");
        var app = ApiCalls.NewAppName("audited");

        await ci.CreateAppAsync(app);
        await ci.SetEnvAsync(app, new Dictionary<string, string> { ["API_KEY"] = "value-never-logged" });
        await ci.SetEnvAsync(app, null, "API_KEY");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/apps/{app}")).StatusCode);

        var response = await admin.GetAsync($"/v1/audit?app={app}");
        var events = await HttpAssert.OkAsync<List<AuditEventInfo>>(response);

        Assert.Equal(
            [
                ("admin", "apps.delete", app, null),
                ("ci-audited", "releases.promote", $"{app}/release/2", null),
                ("ci-audited", "releases.create", $"{app}/release/2", "Unset API_KEY"),
                ("ci-audited", "env.set", app, "Unset API_KEY"),
                ("ci-audited", "releases.promote", $"{app}/release/1", null),
                ("ci-audited", "releases.create", $"{app}/release/1", "Set API_KEY"),
                ("ci-audited", "env.set", app, "Set API_KEY"),
                ("ci-audited", "apps.create", app, (string?)null),
            ],
            events.Select(e => (e.Actor, e.Action, e.Target, e.Detail)));
        Assert.DoesNotContain("value-never-logged", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_TokenWrites_RecordedWithActorAndTokenId()
    {
        using var admin = server.AdminClient();
        var token = await HttpAssert.OkAsync<TokenInfo>(await admin.PostAsJsonAsync("/v1/tokens", new CreateTokenRequest("ci-tokaudit", "read")), HttpStatusCode.Created);
        await admin.DeleteAsync($"/v1/tokens/{token.Id}");

        var events = await HttpAssert.OkAsync<List<AuditEventInfo>>(await admin.GetAsync("/v1/audit?limit=50"));

        var mine = events.Where(e => e.Target == $"token:{token.Id}").ToList();
        Assert.Equal(
            [("admin", "tokens.delete", "name ci-tokaudit, role read"), ("admin", "tokens.create", "name ci-tokaudit, role read")],
            mine.Select(e => (e.Actor, e.Action, e.Detail)));
        Assert.DoesNotContain(events, e => (e.Detail ?? string.Empty).Contains(token.Secret!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_Limit_AnswersOnlyTheNewest()
    {
        using var admin = server.AdminClient();
        await admin.CreateAppAsync(ApiCalls.NewAppName("lim"));
        var newest = ApiCalls.NewAppName("lim");
        await admin.CreateAppAsync(newest);

        var events = await HttpAssert.OkAsync<List<AuditEventInfo>>(await admin.GetAsync("/v1/audit?limit=1"));

        Assert.Equal(newest, Assert.Single(events).Target);
    }

    [Fact]
    public async Task ReadOnlyCalls_RecordNothing()
    {
        using var admin = server.AdminClient();
        var app = ApiCalls.NewAppName("quiet");
        await admin.CreateAppAsync(app);

        await admin.GetAsync($"/v1/apps/{app}");
        await admin.GetAsync($"/v1/apps/{app}/env?reveal=true");
        await admin.GetAsync($"/v1/apps/{app}/releases");

        var events = await HttpAssert.OkAsync<List<AuditEventInfo>>(await admin.GetAsync($"/v1/audit?app={app}"));
        Assert.Equal("apps.create", Assert.Single(events).Action);
    }
}
