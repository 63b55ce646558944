using Wharf.Core.Processes;
using Wharf.Core.Tests.Deployments;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Resources;

/// <summary>Resources in the deploy pipeline: started before the services, linked into them, and failing the deploy.</summary>
public sealed class ResourceRolloutTests : IDisposable
{
    private const string Manifest = """
        resources:
          main:
            type: postgres
          cache:
            type: redis
        services:
          web:
            build: .
            port: 5000
            resources: [main, cache]
          worker:
            build: .
            resources: [cache]
        """;

    private readonly DeploymentHarness _h = new();

    [Fact]
    public async Task Deploy_WithResources_StartsThemFirstAndLinksEachServiceToItsOwn()
    {
        await _h.CreateAppAsync();

        var done = await _h.DeployAsync(Manifest);

        Assert.True(done.Status == "succeeded", done.Error);
        Assert.Equal(["main", "cache"], _h.Resources.Created.Select(s => s.Name));
        var web = Assert.Single(_h.Runtime.Started, s => s.Service == "web").Environment;
        var worker = Assert.Single(_h.Runtime.Started, s => s.Service == "worker").Environment;
        Assert.StartsWith("postgres://main:", web["MAIN_URL"], StringComparison.Ordinal);
        Assert.StartsWith("redis://default:", web["CACHE_URL"], StringComparison.Ordinal);
        Assert.Equal(web["CACHE_URL"], worker["CACHE_URL"]);
        Assert.DoesNotContain("MAIN_URL", worker.Keys);
        var log = (await _h.LogAsync(done.Id)).ToList();
        Assert.True(
            log.FindLastIndex(l => l.StartsWith("Resource cache (redis 7) is ready", StringComparison.Ordinal)) < log.FindIndex(l => l.StartsWith("Starting web", StringComparison.Ordinal)),
            string.Join('\n', log));
    }

    [Fact]
    public async Task Deploy_ResourceFailsToStart_FailsWithItsLastLinesStartsNoProcessAndKeepsTheOldReleaseServing()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync();
        var old = Assert.Single(_h.Running(1));
        _h.Resources.SetBehaviour("main", FakeResourceBehaviour.Exits(1, "FATAL:  could not open file \"global/pg_control\": No such file or directory"));

        var failed = await _h.DeployAsync(Manifest, ("app.py", "v2"));

        Assert.Equal("failed", failed.Status);
        Assert.Equal(
            "Resource main (postgres 15) exited with code 1 while starting. Its last lines:\nFATAL:  could not open file \"global/pg_control\": No such file or directory",
            failed.Error);
        Assert.Equal(1, await _h.CurrentReleaseAsync());
        Assert.Equal([old.Id], _h.Running(1).Select(p => p.Id));
        Assert.DoesNotContain(_h.Runtime.Started, s => s.Release == 2);
    }

    [Fact]
    public async Task EnvSet_ExternalUrl_RolloutLinksItAndStopsWharfsOwnContainer()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync(Manifest);

        var change = await _h.Config.ChangeAsync(CoreHarness.Alice, DeploymentHarness.App, new(new Dictionary<string, string> { ["MAIN_URL"] = "postgres://app:pw@db.example.com:5432/shop" }, null));
        var done = await _h.WaitAsync(change.Deployment!.Id);

        Assert.True(done.Status == "succeeded", done.Error);
        Assert.Equal(["remove main"], _h.Resources.Events);
        var web = _h.Runtime.Started.Last(s => s.Service == "web").Environment;
        Assert.Equal(("postgres://app:pw@db.example.com:5432/shop", "db.example.com"), (web["MAIN_URL"], web["MAIN_HOST"]));
    }

    [Fact]
    public async Task LoadAsync_ReleaseWithResources_ReconcilerSpecsCarryTheSameLinks()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync(Manifest);
        var loader = new ReleaseSnapshotLoader(_h.State, _h.Vault, _h.Linker);

        var snapshot = await loader.LoadAsync(DeploymentHarness.App, 1);

        var rolledOut = Assert.Single(_h.Runtime.Started, s => s.Service == "web").Environment;
        Assert.Equal(rolledOut["MAIN_URL"], snapshot!.Spec("web").Environment["MAIN_URL"]);
        Assert.Equal(rolledOut["CACHE_PASS"], snapshot.Spec("web").Environment["CACHE_PASS"]);
    }

    [Fact]
    public async Task DeleteApp_WithResources_RemovesTheirContainersAndData()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync(Manifest);

        await _h.Apps.DeleteAsync(CoreHarness.Alice, DeploymentHarness.App);

        Assert.Empty(_h.Resources.Current);
        Assert.Empty(_h.Resources.Volumes);
        Assert.Empty(await _h.State.Resources.ListAsync(DeploymentHarness.App));
    }

    [Fact]
    public async Task DeleteApp_KeepData_RemovesTheContainersAndKeepsTheVolumes()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync(Manifest);

        await _h.Apps.DeleteAsync(CoreHarness.Alice, DeploymentHarness.App, keepData: true);

        Assert.Empty(_h.Resources.Current);
        Assert.Equal(["main", "cache"], _h.Resources.Volumes.Select(v => v.Resource));
        var audit = await _h.State.Audit.ListAsync(10, DeploymentHarness.App);
        Assert.Contains(audit, e => e.Action == "apps.delete" && e.Detail == "resource data kept");
    }

    public void Dispose() => _h.Dispose();
}
