namespace Wharf.Manifest.Tests;

public class ManifestLoaderParseTests
{
    private static AppManifest Full() => Manifests.Valid(File.ReadAllText(Manifests.ExamplePath("full.wharf.yml")));

    [Fact]
    public void Parse_FullManifest_ReadsAppEnvironment()
    {
        Assert.Equal([new EnvDeclaration("LOG_LEVEL", "info"), new EnvDeclaration("SECRET_KEY")], Full().Environment);
    }

    [Fact]
    public void Parse_FullManifest_KeepsSectionsInFileOrder()
    {
        var manifest = Full();

        Assert.Equal(["web", "worker", "scheduler"], manifest.Services.Keys);
        Assert.Equal(["db", "cache"], manifest.Resources.Keys);
        Assert.Equal(["cleanup"], manifest.Timers.Keys);
    }

    [Fact]
    public void Parse_FullManifest_ReadsEverySettingOfBuiltService()
    {
        var web = Full().Services["web"];

        Assert.Equal("web", web.Name);
        Assert.Null(web.Image);
        Assert.Equal(".", web.Build!.Path);
        Assert.Equal("docker/web.Dockerfile", web.Build.Dockerfile);
        Assert.Equal(new Dictionary<string, string> { ["NODE_VERSION"] = "22" }, web.Build.Args);
        Assert.Equal(ManifestCommand.Shell("npm start").Arguments, web.Command!.Arguments);
        Assert.Equal(3000, web.Port);
        Assert.Equal(["example.com", "*.example.org"], web.Domains);
        Assert.Equal([new EnvDeclaration("LOG_LEVEL", "debug"), new EnvDeclaration("PUBLIC_URL", "https://example.com")], web.Environment);
        Assert.Equal(new ServiceHealth
        {
            Path = "/healthz",
            Interval = TimeSpan.FromSeconds(10),
            Timeout = TimeSpan.FromSeconds(2),
            Grace = TimeSpan.FromMinutes(1),
        }, web.Health);
        Assert.Equal(new ServiceScale { Count = 2, Min = 1, Max = 4, CpuMillicores = 500, MemoryBytes = 512L * 1024 * 1024 }, web.Scale);
        Assert.Equal(["db", "cache"], web.Resources);
        Assert.Equal(new ServiceTermination { Grace = TimeSpan.FromSeconds(45) }, web.Termination);
        Assert.Equal(new ServiceDeployment { Minimum = 50, Maximum = 150 }, web.Deployment);
        Assert.False(web.Internal);
        Assert.False(web.Singleton);
        Assert.Equal(TimeSpan.FromMinutes(2), web.Timeout);
    }

    [Fact]
    public void Parse_FullManifest_ReadsImageServiceWithListCommandAndNumericScale()
    {
        var worker = Full().Services["worker"];

        Assert.Null(worker.Build);
        Assert.Equal("registry.example.com/worker:1.4", worker.Image);
        Assert.False(worker.Command!.UsesShell);
        Assert.Equal(["bundle", "exec", "sidekiq"], worker.Command.Arguments);
        Assert.Null(worker.Port);
        Assert.Equal(new ServiceScale { Count = 3, Min = 3, Max = 3 }, worker.Scale);
        Assert.Equal(["cache"], worker.Resources);
    }

    [Fact]
    public void Parse_FullManifest_SingletonDeploysStopFirst()
    {
        var scheduler = Full().Services["scheduler"];

        Assert.Equal(new ServiceBuild { Path = "./scheduler" }, scheduler.Build);
        Assert.True(scheduler.Singleton);
        Assert.True(scheduler.Internal);
        Assert.Equal(new ServiceDeployment { Minimum = 0, Maximum = 100 }, scheduler.Deployment);
    }

    [Fact]
    public void Parse_FullManifest_ReadsResourcesAndTimers()
    {
        var manifest = Full();

        var db = manifest.Resources["db"];
        Assert.Equal(ResourceType.Postgres, db.Type);
        Assert.Equal(new Dictionary<string, string> { ["version"] = "16", ["storage"] = "10GiB" }, db.Options);
        Assert.Equal(ResourceType.Redis, manifest.Resources["cache"].Type);
        Assert.Empty(manifest.Resources["cache"].Options);

        var cleanup = manifest.Timers["cleanup"];
        Assert.Equal(CronSchedule.Parse("0 3 * * 1-5"), cleanup.Schedule);
        Assert.Equal("0 3 * * MON-FRI", cleanup.Schedule.ToString());
        Assert.Equal(["/bin/sh", "-c", "bin/cleanup --older-than 30d"], cleanup.Command.Arguments);
        Assert.Equal("worker", cleanup.Service);
        Assert.Equal(TimerConcurrency.Replace, cleanup.Concurrency);
    }

    [Fact]
    public void Parse_MinimalService_AppliesDocumentedDefaults()
    {
        var web = Manifests.Valid(Manifests.WebService()).Services["web"];

        Assert.Equal(new ServiceManifest { Name = "web", Image = "nginx" }, web with { Domains = [], Environment = [], Resources = [] });
        Assert.Equal(new ServiceHealth { Path = "/", Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(4), Grace = TimeSpan.FromSeconds(5) }, web.Health);
        Assert.Equal(new ServiceScale { Count = 1, Min = 1, Max = 1 }, web.Scale);
        Assert.Equal(new ServiceDeployment { Minimum = 100, Maximum = 200 }, web.Deployment);
        Assert.Equal(TimeSpan.FromSeconds(30), web.Termination.Grace);
        Assert.Equal(TimeSpan.FromSeconds(60), web.Timeout);
        Assert.Empty(web.Domains);
    }

    [Fact]
    public void Parse_ScaleWithOnlyMinAndMax_StartsAtMin()
    {
        var scale = Manifests.Valid(Manifests.WebService("    scale:", "      min: 2", "      max: 6")).Services["web"].Scale;

        Assert.Equal(new ServiceScale { Count = 2, Min = 2, Max = 6 }, scale);
    }

    [Fact]
    public void Parse_TimerWithoutConcurrency_ForbidsOverlap()
    {
        var manifest = Manifests.Valid(Manifests.WebService(
            "timers:",
            "  tick:",
            "    schedule: '*/5 * * * *'",
            "    command: [date]",
            "    service: web"));

        Assert.Equal(TimerConcurrency.Forbid, manifest.Timers["tick"].Concurrency);
    }

    [Fact]
    public void Parse_EmptyEnvironmentDefault_IsEmptyStringNotRequired()
    {
        var manifest = Manifests.Valid(Manifests.Lines("environment: [EMPTY=, REQUIRED]", "services:", "  web: {image: nginx}"));

        Assert.Equal([new EnvDeclaration("EMPTY", ""), new EnvDeclaration("REQUIRED")], manifest.Environment);
    }

    [Fact]
    public void Parse_YamlAnchorsAndAliases_ShareValues()
    {
        var manifest = Manifests.Valid(Manifests.Lines(
            "services:",
            "  web:",
            "    image: &image registry.example.com/app:3",
            "    port: 80",
            "    health: &health {path: /up, interval: 3s, timeout: 1s}",
            "  admin:",
            "    image: *image",
            "    health: *health",
            "    port: 81",
            "    internal: true"));

        Assert.Equal(manifest.Services["web"].Image, manifest.Services["admin"].Image);
        Assert.Equal("/up", manifest.Services["admin"].Health.Path);
    }

    [Fact]
    public void EnvironmentFor_ServiceRedeclaresAppKey_ServiceDeclarationWins()
    {
        var manifest = Full();

        var environment = manifest.EnvironmentFor(manifest.Services["web"]);

        Assert.Equal(
            [new EnvDeclaration("SECRET_KEY"), new EnvDeclaration("LOG_LEVEL", "debug"), new EnvDeclaration("PUBLIC_URL", "https://example.com")],
            environment);
    }

    [Fact]
    public void Describe_FullManifest_CountsAndNamesEachSection()
    {
        Assert.Equal("3 services (web, worker, scheduler), 2 resources (db, cache), 1 timer (cleanup)", Full().Describe());
    }

    [Fact]
    public void Describe_OnlyOneService_LeavesOutEmptySections()
    {
        Assert.Equal("1 service (web)", Manifests.Valid(Manifests.WebService()).Describe());
    }

    [Fact]
    public void ToString_ManifestError_ReadsFileLineColumnMessage()
    {
        Assert.Equal("app/wharf.yml:3:7: boom", new ManifestError("app/wharf.yml", 3, 7, "boom").ToString());
    }
}
