using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Api;
using Wharf.Core.Errors;
using Wharf.Core.Processes;
using Wharf.Core.Resources;
using Wharf.Core.Tests.Deployments;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Resources;

/// <summary>`wharf resources` and its console, export and import, over a deployed app with fake containers.</summary>
public sealed class ResourceToolsTests : IDisposable
{
    private const string App = DeploymentHarness.App;

    private const string Manifest = """
        resources:
          main:
            type: postgres
            options: {storage: 2GB}
          cache:
            type: redis
            options: {durable: false}
        services:
          web:
            build: .
            port: 5000
            resources: [main]
        """;

    private readonly DeploymentHarness _h = new();
    private readonly ResourceService _service;
    private readonly ResourceTools _tools;

    public ResourceToolsTests()
    {
        var loader = new ReleaseSnapshotLoader(_h.State, _h.Vault, _h.Linker);
        _service = new ResourceService(_h.State, loader, _h.Resources, _h.ResourceVault);
        _tools = new ResourceTools(new ResourceFinder(_h.State, loader, _h.Resources, _h.ResourceVault), _h.Resources, _h.Audit, NullLogger<ResourceTools>.Instance);
    }

    [Fact]
    public async Task ListAsync_DeployedApp_DescribesEachResourceWithoutItsPassword()
    {
        await DeployAsync();

        var list = await _service.ListAsync(App);

        Assert.Equal(["main", "cache"], list.Select(r => r.Name));
        var main = list[0];
        Assert.Equal(("postgres", "15", "running", true, 2L << 30), (main.Type, main.Version, main.Status, main.Declared, main.StorageBytes));
        Assert.Equal(["web"], main.Services);
        Assert.Equal("postgres://main:********@main:5432/main", main.Url);
        Assert.Equal("wharf-hello-main-data", main.Volume);
        Assert.False(list[1].Durable);
        Assert.Empty(list[1].Services);
    }

    [Fact]
    public async Task ListAsync_ContainerRemovedBehindWharfsBack_SaysNotStartedAndStillShowsTheData()
    {
        await DeployAsync();
        await _h.Resources.RemoveAsync(_h.Resources.Current.Single(i => i.Name == "cache"), TimeSpan.Zero);

        var cache = (await _service.ListAsync(App)).Single(r => r.Name == "cache");

        Assert.Equal(("not started", "wharf-hello-cache-data"), (cache.Status, cache.Volume));
    }

    [Fact]
    public async Task UrlAsync_DeployRole_RevealsThePasswordReadRoleIsRefused()
    {
        await DeployAsync();

        var url = await _service.UrlAsync(CoreHarness.Alice, App, "main");
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => _service.UrlAsync(CoreHarness.Reader, App, "main"));

        var password = (await _h.Linker.LinksAsync(App, Wharf.Manifest.ManifestLoader.Parse(Manifest).Manifest!))["main"].Password;
        Assert.Equal($"postgres://main:{password}@main:5432/main", url.Url);
        Assert.Contains("needs the deploy role", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_UnknownResource_NamesTheAppsResources()
    {
        await DeployAsync();

        var error = await Assert.ThrowsAsync<NotFoundException>(() => _service.GetAsync(App, "db"));

        Assert.Equal("App 'hello' has no resource 'db': its resources are: main, cache. Run `wharf resources -a hello` to see them.", error.Message);
    }

    [Fact]
    public async Task ConsoleAsync_Input_ReachesTheClientAndItsOutputComesBackAsLinesThenTheExitCode()
    {
        await DeployAsync();
        _h.Resources.Exec = (_, command, input) => (3, $"ran {command.Arguments[0]} with {input.Trim()}\nsecond line\n", "ERROR: oops\n");
        var events = new List<ProcessStreamEvent>();

        await _tools.ConsoleAsync(CoreHarness.Alice, App, "main", Input("select 1;\n"), (e, _) => { events.Add(e); return Task.CompletedTask; });

        Assert.Equal(
            [
                ProcessStreamEvent.Output("stdout", "ran psql with select 1;"),
                ProcessStreamEvent.Output("stdout", "second line"),
                ProcessStreamEvent.Output("stderr", "ERROR: oops"),
                ProcessStreamEvent.Exit(3),
            ],
            events);
        Assert.Contains(await _h.State.Audit.ListAsync(10, App), e => e.Action == "resources.console" && e.Detail == "resource main");
    }

    [Fact]
    public async Task ExportAsync_Success_OpensTheOutputOnceWithTheFileNameAndCountsTheBytes()
    {
        await DeployAsync();
        _h.Resources.Exec = (_, command, _) => command.Arguments[0] == "pg_dump" ? (0, "PGDMP-bytes", "") : (0, "", "");
        using var output = new MemoryStream();
        ResourceExportStart? start = null;

        var bytes = await _tools.ExportAsync(CoreHarness.Alice, App, "main", (s, _) => { start = s; return ValueTask.FromResult<Stream>(output); });

        Assert.Equal(new ResourceExportStart("hello-main.dump", "postgres"), start);
        Assert.Equal("PGDMP-bytes", Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal(11, bytes);
    }

    [Fact]
    public async Task ExportAsync_FailsBeforeAnyOutput_IsAConflictWithTheToolsError()
    {
        await DeployAsync();
        _h.Resources.Exec = (_, _, _) => (1, "", "pg_dump: error: connection failed\n");

        var error = await Assert.ThrowsAsync<ConflictException>(
            () => _tools.ExportAsync(CoreHarness.Alice, App, "main", (_, _) => throw new InvalidOperationException("must not open")));

        Assert.Equal("Exporting resource main of app 'hello' failed (exit code 1):\npg_dump: error: connection failed", error.Message);
    }

    [Fact]
    public async Task ExportAsync_FailsAfterOutputBegan_SaysTheStreamIsBroken()
    {
        await DeployAsync();
        _h.Resources.Exec = (_, _, _) => (1, "PGDMP-half", "pg_dump: error: out of disk\n");
        using var output = new MemoryStream();

        await Assert.ThrowsAsync<ResourceCommandFailedException>(
            () => _tools.ExportAsync(CoreHarness.Alice, App, "main", (_, _) => ValueTask.FromResult<Stream>(output)));
    }

    [Fact]
    public async Task ImportAsync_Dump_IsPassedToTheRestoreToolAndItsOutputReturned()
    {
        await DeployAsync();
        string? received = null;
        _h.Resources.Exec = (_, command, input) =>
        {
            received = input;
            return (0, "Loaded 3 keys.\n", "");
        };

        var result = await _tools.ImportAsync(CoreHarness.Alice, App, "cache", Input("REDIS0010..."));

        Assert.Equal("REDIS0010...", received);
        Assert.Equal(new ResourceImportResult("cache", 12, ["Loaded 3 keys."]), result with { Output = [.. result.Output] }, new ImportComparer());
        Assert.Contains(await _h.State.Audit.ListAsync(10, App), e => e.Action == "resources.import");
    }

    [Fact]
    public async Task ImportAsync_RestoreFails_IsAConflictQuotingIt()
    {
        await DeployAsync();
        _h.Resources.Exec = (_, _, _) => (1, "", "pg_restore: error: input file does not appear to be a valid archive\n");

        var error = await Assert.ThrowsAsync<ConflictException>(() => _tools.ImportAsync(CoreHarness.Alice, App, "main", Input("not a dump")));

        Assert.Equal(
            "Importing into resource main of app 'hello' failed (exit code 1, 10 bytes read):\npg_restore: error: input file does not appear to be a valid archive",
            error.Message);
    }

    [Fact]
    public async Task ConsoleAsync_ExternalResource_SaysWharfRunsNoContainerForIt()
    {
        await DeployAsync();
        var change = await _h.Config.ChangeAsync(CoreHarness.Alice, App, new(new Dictionary<string, string> { ["MAIN_URL"] = "postgres://u:p@db.example.com/x" }, null));
        await _h.WaitAsync(change.Deployment!.Id);

        var error = await Assert.ThrowsAsync<ConflictException>(
            () => _tools.ConsoleAsync(CoreHarness.Alice, App, "main", Input(""), (_, _) => Task.CompletedTask));

        Assert.StartsWith("Resource main of app 'hello' is external: MAIN_URL in the app's config points at it", error.Message, StringComparison.Ordinal);
        Assert.Equal("external", (await _service.GetAsync(App, "main")).Status);
        Assert.Equal("postgres://u:p@db.example.com/x", (await _service.UrlAsync(CoreHarness.Alice, App, "main")).Url);
    }

    [Fact]
    public async Task ConsoleAsync_StoppedResource_SaysToDeploy()
    {
        await DeployAsync();
        _h.Resources.Stop(App, "cache");

        var error = await Assert.ThrowsAsync<ConflictException>(
            () => _tools.ConsoleAsync(CoreHarness.Alice, App, "cache", Input(""), (_, _) => Task.CompletedTask));

        Assert.Equal("Resource cache of app 'hello' is not running (it is stopped): deploy the app (`wharf deploy -a hello`) to start it.", error.Message);
    }

    public void Dispose() => _h.Dispose();

    private static MemoryStream Input(string text) => new(Encoding.UTF8.GetBytes(text));

    private async Task DeployAsync()
    {
        await _h.CreateAppAsync();
        var done = await _h.DeployAsync(Manifest);
        Assert.True(done.Status == "succeeded", done.Error);
    }

    private sealed class ImportComparer : IEqualityComparer<ResourceImportResult>
    {
        public bool Equals(ResourceImportResult? x, ResourceImportResult? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Bytes == y.Bytes && x.Output.SequenceEqual(y.Output);

        public int GetHashCode(ResourceImportResult obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
