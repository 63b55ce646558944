using System.Text.Json;
using Wharf.Cli.Tests.Infrastructure;
using Wharf.Core.Api;

namespace Wharf.Cli.Tests;

[Collection(ServerCollectionDefinition.Name)]
public sealed class TokensCommandTests(ServerFixture server)
{
    [Fact]
    public async Task TokensCreate_DeployRole_SecretWorksAndIsNeverListed()
    {
        using var admin = server.Admin();
        var name = AppNames.Unique("ci");

        var created = await admin.RunAsync("tokens", "create", name, "--role", "deploy", "--json");
        var token = JsonSerializer.Deserialize<TokenInfo>(created.Stdout, JsonSerializerOptions.Web)!;
        var list = await admin.RunAsync("tokens");
        using var ci = new CliSession().With("WHARF_URL", server.Url).With("WHARF_TOKEN", token.Secret!);
        var whoami = await ci.RunAsync("whoami");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal("deploy", token.Role);
        Assert.Contains(name, list.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Secret!, list.Stdout, StringComparison.Ordinal);
        Assert.Contains(name, whoami.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokensRevoke_Token_StopsItWorking()
    {
        using var admin = server.Admin();
        var created = await admin.RunAsync("tokens", "create", AppNames.Unique("old"), "--role", "read", "--json");
        var token = JsonSerializer.Deserialize<TokenInfo>(created.Stdout, JsonSerializerOptions.Web)!;

        var revoke = await admin.RunAsync("tokens", "revoke", token.Id);
        using var old = new CliSession().With("WHARF_URL", server.Url).With("WHARF_TOKEN", token.Secret!);
        var apps = await old.RunAsync("apps");

        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        Assert.True(apps.ExitCode == 4, apps.ToString());
    }

    [Fact]
    public async Task Audit_AfterAppCreate_ListsTheEventForThatApp()
    {
        using var admin = server.Admin();
        var app = AppNames.Unique("audited");
        await admin.RunAsync("apps", "create", app);

        var audit = await admin.RunAsync("audit", "-a", app, "--json");

        Assert.True(audit.ExitCode == 0, audit.ToString());
        var events = JsonSerializer.Deserialize<List<AuditEventInfo>>(audit.Stdout, JsonSerializerOptions.Web)!;
        Assert.Contains(events, e => e.Target.Contains(app, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Builds_NewApp_SaysThereAreNoneAndInfoIsNotFound()
    {
        using var admin = server.Admin();
        var app = AppNames.Unique("nobuilds");
        await admin.RunAsync("apps", "create", app);

        var builds = await admin.RunAsync("builds", "-a", app);
        var info = await admin.RunAsync("builds", "info", "-a", app, "1");

        Assert.True(builds.ExitCode == 0, builds.ToString());
        Assert.Contains("no builds", builds.Stdout, StringComparison.Ordinal);
        Assert.True(info.ExitCode == 5, info.ToString());
    }
}
