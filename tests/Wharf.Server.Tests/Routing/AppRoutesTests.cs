using Wharf.Core.Api;
using Wharf.Core.Auth;
using Wharf.Core.Builds;
using Wharf.Core.Releases;
using Wharf.Core.State;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Routing;

/// <summary>GET /v1/apps/{app} answers with the URLs of the current release's public services.</summary>
public sealed class AppRoutesTests
{
    private const string Manifest = """
        services:
          web:
            image: example/web:1
            port: 5000
            domain:
              - shop.example.com
              - "*.shop.example.com"
          api:
            image: example/api:1
            port: 6000
            internal: true
          worker:
            image: example/worker:1
        """;

    [Fact]
    public async Task GetApp_CurrentReleaseWithPublicService_ListsItsHostAndDomainsOnTheRouter()
    {
        await using var server = new WharfServerFactory { Settings = { ["WHARF_ROUTER_URL"] = "http://127.0.0.1:8080" } };
        var app = await DeployedAppAsync(server);
        using var admin = server.AdminClient();

        var info = await HttpAssert.OkAsync<AppInfo>(await admin.GetAsync($"/v1/apps/{app}"));

        Assert.Equal(
            [new AppRoute("web", $"http://web.{app}.localhost:8080/"), new AppRoute("web", "http://shop.example.com:8080/")],
            info.Routes);
    }

    [Fact]
    public async Task GetApp_HttpsRedirectAndBaseDomain_ListsHttpsUrlsUnderThatDomain()
    {
        await using var server = new WharfServerFactory
        {
            Settings =
            {
                ["WHARF_ROUTER_URL"] = "http://0.0.0.0:80",
                ["WHARF_ROUTER_HTTPS_URL"] = "https://0.0.0.0:443",
                ["WHARF_ROUTER_REDIRECT_HTTPS"] = "true",
                ["Routing:BaseDomain"] = "apps.example.net",
            },
        };
        var app = await DeployedAppAsync(server);
        using var admin = server.AdminClient();

        var info = await HttpAssert.OkAsync<AppInfo>(await admin.GetAsync($"/v1/apps/{app}"));

        Assert.Equal([$"https://web.{app}.apps.example.net/", "https://shop.example.com/"], info.Routes.Select(r => r.Url));
    }

    [Fact]
    public async Task GetApp_NoRelease_HasNoRoutes()
    {
        await using var server = new WharfServerFactory();
        using var admin = server.AdminClient();
        var app = ApiCalls.NewAppName("bare");
        await admin.CreateAppAsync(app);

        var info = await HttpAssert.OkAsync<AppInfo>(await admin.GetAsync($"/v1/apps/{app}"));

        Assert.Empty(info.Routes);
    }

    /// <summary>An app whose release 1 (build 1, the manifest above) is current, made as a finished deploy leaves it.</summary>
    private static async Task<string> DeployedAppAsync(WharfServerFactory server)
    {
        using var admin = server.AdminClient();
        var app = ApiCalls.NewAppName("routes");
        await admin.CreateAppAsync(app);
        var state = server.Services.GetRequiredService<IStateStore>();
        var now = DateTimeOffset.UtcNow;
        var images = new Dictionary<string, string> { ["web"] = "example/web:1", ["api"] = "example/api:1", ["worker"] = "example/worker:1" };
        Assert.True(await state.Builds.TryInsertAsync(new Build(app, 1, BuildStatus.Succeeded, images, Manifest, null, now, now)));
        var release = await server.Services.GetRequiredService<ReleaseService>()
            .CreateAsync(new Actor("routes-tests", Role.Admin), app, new ReleaseDraft(1, null, Manifest, "Deploy build 1"));
        await state.Apps.SetCurrentReleaseAsync(app, release.Version);
        return app;
    }
}
