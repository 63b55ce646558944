using Wharf.Core.Errors;
using Wharf.Core.Processes;
using Wharf.Core.Releases;
using Wharf.Core.Resources;
using Wharf.Manifest;

namespace Wharf.Core.Tests.Resources;

public sealed class ResourceVariablesTests
{
    private static readonly Release _release = new("shop", 3, 1, 1, null, "Deploy", "alice", DateTimeOffset.UnixEpoch);

    private static readonly AppManifest _manifest = ManifestLoader.Parse("""
        resources:
          main:
            type: postgres
          my-cache:
            type: redis
        services:
          web:
            build: .
            port: 8080
            resources: [main, my-cache]
          worker:
            build: .
            resources: [my-cache]
          clock:
            build: .
        """).Manifest!;

    private static readonly Dictionary<string, string> _images = new() { ["web"] = "w", ["worker"] = "w", ["clock"] = "w" };

    private static readonly Dictionary<string, ResourceLink> _links = new()
    {
        ["main"] = new ResourceLink("main", ResourceType.Postgres, "main", 5432, "main", "s3cret", "main"),
        ["my-cache"] = new ResourceLink("my-cache", ResourceType.Redis, "my-cache", 6379, "default", "r3d1s", "0"),
    };

    [Fact]
    public void Create_ServiceNamesAPostgresResource_GetsItsUrlPartsAndConnectionString()
    {
        var env = Spec("web", []).Environment;

        Assert.Equal("postgres://main:s3cret@main:5432/main", env["MAIN_URL"]);
        Assert.Equal(("main", "5432", "main", "s3cret", "main"), (env["MAIN_HOST"], env["MAIN_PORT"], env["MAIN_USER"], env["MAIN_PASS"], env["MAIN_NAME"]));
        Assert.Equal("Host=main;Port=5432;Username=main;Password=s3cret;Database=main", env["ConnectionStrings__main"]);
    }

    [Fact]
    public void Create_ResourceNameWithADash_VariablesUseUnderscoresAndRedisUrl()
    {
        var env = Spec("worker", []).Environment;

        Assert.Equal("redis://default:r3d1s@my-cache:6379/0", env["MY_CACHE_URL"]);
        Assert.Equal("r3d1s", env["MY_CACHE_PASS"]);
        Assert.Equal("my-cache:6379,password=r3d1s,defaultDatabase=0", env["ConnectionStrings__my-cache"]);
        Assert.DoesNotContain("MAIN_URL", env.Keys);
    }

    [Fact]
    public void Create_ServiceNamesNoResource_GetsNoResourceVariables()
    {
        var env = Spec("clock", []).Environment;

        Assert.DoesNotContain(env.Keys, k => k.StartsWith("MAIN_", StringComparison.Ordinal) || k.StartsWith("MY_CACHE_", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_ExternalUrlInConfig_UrlWinsAndItsPartsAreDerivedFromIt()
    {
        var env = Spec("web", new() { ["MAIN_URL"] = "postgresql://app%40corp:p%3Ass@db.example.com:6543/orders" }).Environment;

        Assert.Equal("postgresql://app%40corp:p%3Ass@db.example.com:6543/orders", env["MAIN_URL"]);
        Assert.Equal(("db.example.com", "6543", "app@corp", "p:ss", "orders"), (env["MAIN_HOST"], env["MAIN_PORT"], env["MAIN_USER"], env["MAIN_PASS"], env["MAIN_NAME"]));
        Assert.Equal("Host=db.example.com;Port=6543;Username=app@corp;Password=p:ss;Database=orders", env["ConnectionStrings__main"]);
    }

    [Fact]
    public void Create_ExternalUrlWithoutALink_StillLinksTheExternalDatabase()
    {
        var spec = ProcessSpecFactory.Create(
            _release, "web", new Dictionary<string, string> { ["MAIN_URL"] = "postgres://u:p@elsewhere/db" }, _manifest, _images);

        Assert.Equal("elsewhere", spec.Environment["MAIN_HOST"]);
        Assert.Equal("5432", spec.Environment["MAIN_PORT"]);
    }

    [Fact]
    public void Create_ConfigSetsOneVariable_ConfigKeepsItAndTheRestComeFromTheLink()
    {
        var env = Spec("web", new() { ["MAIN_HOST"] = "pgbouncer" }).Environment;

        Assert.Equal("pgbouncer", env["MAIN_HOST"]);
        Assert.Equal("s3cret", env["MAIN_PASS"]);
    }

    [Fact]
    public void Create_ManifestRequiresTheUrl_TheLinkSatisfiesIt()
    {
        var manifest = ManifestLoader.Parse("""
            resources:
              main: {type: postgres}
            services:
              web:
                build: .
                resources: [main]
                environment: [MAIN_URL]
            """).Manifest!;

        var spec = ProcessSpecFactory.Create(_release, "web", new Dictionary<string, string>(), manifest, _images, resources: _links);

        Assert.Equal("postgres://main:s3cret@main:5432/main", spec.Environment["MAIN_URL"]);
    }

    [Fact]
    public void Create_ManifestRequiresTheUrlAndNothingProvidesIt_SaysToSetIt()
    {
        var manifest = ManifestLoader.Parse("""
            resources:
              main: {type: postgres}
            services:
              web:
                build: .
                resources: [main]
                environment: [MAIN_URL]
            """).Manifest!;

        var error = Assert.Throws<WharfValidationException>(() => ProcessSpecFactory.Create(_release, "web", new Dictionary<string, string>(), manifest, _images));

        Assert.Contains("MAIN_URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_Redis_UrlsMaskThePasswordOnlyWhenAsked()
    {
        var link = _links["my-cache"];

        Assert.Equal("redis://default:********@my-cache:6379/0", link.MaskedUrl);
        Assert.DoesNotContain("r3d1s", link.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("main", "MAIN_URL")]
    [InlineData("my-cache", "MY_CACHE_URL")]
    public void UrlKey_ResourceName_IsUpperCasedWithUnderscores(string name, string key)
    {
        Assert.Equal(key, ResourceVariables.UrlKey(name));
    }

    private static Wharf.Core.Runtime.ProcessSpec Spec(string service, Dictionary<string, string> env) =>
        ProcessSpecFactory.Create(_release, service, env, _manifest, _images, resources: _links);
}
