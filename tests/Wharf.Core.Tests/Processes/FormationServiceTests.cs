using Wharf.Core.Errors;
using Wharf.Core.Processes;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Processes;

public sealed class FormationServiceTests : IDisposable
{
    private const string Manifest = """
        services:
          web:
            image: example/web:1
            port: 5000
            scale: 2
          worker:
            build: .
            scale:
              count: 1
              min: 1
              max: 3
              memory: 256MiB
              cpu: 0.5
          clock:
            build: .
            singleton: true
        """;

    private readonly ProcessHarness _h = new();

    [Fact]
    public async Task ScaleAsync_Valid_StoresOverridesAuditsAndAnswersTheFormation()
    {
        await _h.DeployAsync(Manifest);

        var formation = await _h.Formation.ScaleAsync(CoreHarness.Alice, ProcessHarness.App, new Dictionary<string, int> { ["web"] = 5, ["worker"] = 3 });

        Assert.Equal([("web", 5), ("worker", 3), ("clock", 1)], formation.Select(f => (f.Service, f.Count)));
        var worker = formation[1];
        Assert.Equal(("wharf/hello-worker:1", (long?)256 * 1024 * 1024, (int?)500, 1, 3), (worker.Image, worker.Memory, worker.Cpu, worker.Min, worker.Max));
        Assert.Equal(5, (await _h.Core.State.Formation.GetAsync(ProcessHarness.App))["web"]);
        var audit = _h.Core.State.AuditStore.All[^1];
        Assert.Equal((ProcessAuditActions.FormationScale, "hello", "web=5, worker=3"), (audit.Action, audit.Target, audit.Detail));
    }

    [Fact]
    public async Task ScaleAsync_Valid_TheReconcilerRunsTheNewCount()
    {
        await _h.DeployAsync(Manifest);
        await _h.ReconcileAsync();

        await _h.Formation.ScaleAsync(CoreHarness.Alice, ProcessHarness.App, new Dictionary<string, int> { ["web"] = 3 });
        await _h.ReconcileAsync();

        Assert.Equal(3, _h.Runtime.Running("web").Count);
        Assert.Equal(3, (await _h.Formation.GetAsync(ProcessHarness.App))[0].Running);
    }

    [Fact]
    public async Task ScaleAsync_EveryKindOfMistake_ReportsEachWithASentence()
    {
        await _h.DeployAsync(Manifest);

        var error = await Assert.ThrowsAsync<WharfValidationException>(() => _h.Formation.ScaleAsync(
            CoreHarness.Alice,
            ProcessHarness.App,
            new Dictionary<string, int> { ["wbe"] = 1, ["web"] = -1, ["clock"] = 2, ["worker"] = 4 }));

        Assert.Equal(["App 'hello' has no service 'wbe': its services are web, worker, clock."], error.Errors["wbe"]);
        Assert.Equal(["The count of 'web' is -1: give 0 or more processes."], error.Errors["web"]);
        Assert.Equal(["Service 'clock' is a singleton: it runs 0 or 1 processes, not 2."], error.Errors["clock"]);
        Assert.Equal(
            ["The count 4 of 'worker' is outside its scale range 1..3 in wharf.yml: give a count from 1 to 3, or change scale.min/scale.max and deploy."],
            error.Errors["worker"]);
        Assert.StartsWith("The request has 4 problems:", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _h.Core.State.Formation.GetAsync(ProcessHarness.App));
    }

    [Fact]
    public async Task ScaleAsync_PlainCountInManifest_AllowsAnyCount()
    {
        await _h.DeployAsync(Manifest);

        var formation = await _h.Formation.ScaleAsync(CoreHarness.Alice, ProcessHarness.App, new Dictionary<string, int> { ["web"] = 0 });

        Assert.Equal(0, formation[0].Count);
    }

    [Fact]
    public async Task ScaleAsync_NoReleaseYet_SaysToDeployFirst()
    {
        await _h.Core.CreateAppAsync(ProcessHarness.App);

        var error = await Assert.ThrowsAsync<ConflictException>(() =>
            _h.Formation.ScaleAsync(CoreHarness.Alice, ProcessHarness.App, new Dictionary<string, int> { ["web"] = 1 }));

        Assert.Equal("App 'hello' has no release with services yet: deploy it first with `wharf deploy -a hello`.", error.Message);
    }

    [Fact]
    public async Task GetAsync_UnknownApp_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _h.Formation.GetAsync("nope"));
    }

    public void Dispose() => _h.Dispose();
}
