using System.Text;
using Wharf.Core.Deployments;
using Wharf.Core.Resources;
using Wharf.Core.Tests.Fakes;
using Wharf.Manifest;

namespace Wharf.Core.Tests.Resources;

public sealed class ResourceProvisionerTests
{
    private readonly ResourceHarness _harness = new();

    [Fact]
    public async Task EnsureAsync_NewResources_StartsOneContainerEachAndLinksThem()
    {
        var links = await _harness.EnsureAsync(ResourceHarness.PostgresAndRedis());

        Assert.Equal(["main", "cache"], _harness.Runtime.Created.Select(s => s.Name));
        Assert.Equal(["postgres:15", "redis:7"], _harness.Runtime.Created.Select(s => s.Image));
        Assert.Equal(("main", "main", 5432), (links["main"].Host, links["main"].User, links["main"].Port));
        Assert.Equal(("cache", 6379), (links["cache"].Host, links["cache"].Port));
        var main = _harness.Runtime.Created[0];
        Assert.Equal(links["main"].Password, main.Environment["POSTGRES_PASSWORD"]);
        Assert.Contains(_harness.Log.Lines, l => l.StartsWith("Resource main (postgres 15) is ready", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnsureAsync_SecondDeploy_KeepsTheCredentialsAndTheRunningContainers()
    {
        var first = await _harness.EnsureAsync(ResourceHarness.PostgresAndRedis());

        var second = await _harness.EnsureAsync(ResourceHarness.PostgresAndRedis());

        Assert.Equal(first["main"], second["main"]);
        Assert.Equal(first["cache"], second["cache"]);
        Assert.Equal(2, _harness.Runtime.Created.Count);
        Assert.Equal(2, _harness.State.ResourceStore.Inserts);
        Assert.Empty(_harness.Runtime.Events);
    }

    [Fact]
    public async Task EnsureAsync_NewPostgres_SetsItsPasswordOverStdinOnce()
    {
        await _harness.EnsureAsync(ResourceHarness.PostgresAndRedis());
        await _harness.EnsureAsync(ResourceHarness.PostgresAndRedis());

        var (resource, command) = Assert.Single(_harness.Runtime.Commands);
        Assert.Equal("main", resource);
        Assert.Equal("psql", command.Arguments[0]);
        var password = (await _harness.Linker.LinksAsync(ResourceHarness.App, ResourceHarness.PostgresAndRedis()))["main"].Password;
        Assert.DoesNotContain(command.Arguments, a => a.Contains(password, StringComparison.Ordinal));
        Assert.Contains($"PASSWORD '{password}'", command.Input, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureAsync_Credentials_AreStoredSealedAndOpenForTheLinker()
    {
        var links = await _harness.EnsureAsync(ResourceHarness.PostgresAndRedis());

        var record = await _harness.State.Resources.GetAsync(ResourceHarness.App, "main");
        Assert.NotNull(record);
        Assert.Equal(ResourceType.Postgres, record.Type);
        var sealedBytes = Encoding.UTF8.GetString(record.Credentials.Ciphertext);
        Assert.DoesNotContain(links["main"].Password, sealedBytes, StringComparison.Ordinal);
        Assert.Equal(links, await _harness.Linker.LinksAsync(ResourceHarness.App, ResourceHarness.PostgresAndRedis()));
    }

    [Fact]
    public async Task EnsureAsync_ExternalUrlInConfig_StartsNothingForThatResource()
    {
        var links = await _harness.EnsureAsync(ResourceHarness.PostgresAndRedis(), new() { ["MAIN_URL"] = "postgres://u:p@db.example.com/app" });

        Assert.Equal(["cache"], _harness.Runtime.Created.Select(s => s.Name));
        Assert.False(links.ContainsKey("main"));
        Assert.Null(await _harness.State.Resources.GetAsync(ResourceHarness.App, "main"));
        Assert.Contains(_harness.Log.Lines, l => l.Contains("MAIN_URL is set in the app's config, so the app uses that; Wharf runs none", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnsureAsync_UrlSetAfterAnInternalDeploy_RemovesTheContainerAndKeepsItsData()
    {
        await _harness.EnsureAsync(ResourceHarness.PostgresAndRedis());

        await _harness.EnsureAsync(ResourceHarness.PostgresAndRedis(), new() { ["MAIN_URL"] = "postgres://u:p@db.example.com/app" });

        Assert.Equal(["remove main"], _harness.Runtime.Events);
        Assert.Contains(_harness.Runtime.Volumes, v => v.Resource == "main");
        Assert.Equal(["cache"], _harness.Runtime.Current.Select(i => i.Name));
    }

    [Fact]
    public async Task EnsureAsync_ContainerExitsWhileStarting_FailsWithItsLastLinesAndRemovesIt()
    {
        _harness.Runtime.SetBehaviour("main", FakeResourceBehaviour.Exits(1, "initdb: starting", "FATAL:  data directory has wrong ownership"));

        var error = await Assert.ThrowsAsync<DeploymentFailedException>(() => _harness.EnsureAsync(ResourceHarness.PostgresAndRedis()));

        Assert.Equal(
            "Resource main (postgres 15) exited with code 1 while starting. Its last lines:\ninitdb: starting\nFATAL:  data directory has wrong ownership",
            error.Message);
        Assert.Empty(_harness.Runtime.Current);
        Assert.Equal(["remove main"], _harness.Runtime.Events);
    }

    [Fact]
    public async Task EnsureAsync_NeverReady_FailsAfterTheDeadline()
    {
        _harness.Runtime.SetBehaviour("main", new FakeResourceBehaviour(ChecksBeforeReady: int.MaxValue, Logs: ["still recovering"]));
        var harness = _harness;

        var error = await Assert.ThrowsAsync<DeploymentFailedException>(() => harness.EnsureAsync(ResourceHarness.PostgresAndRedis()));

        Assert.StartsWith("Resource main (postgres 15) did not accept connections within 1 s. Its last lines:\nstill recovering", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureAsync_ChangedVersionFailsToStart_PutsThePreviousContainerBackAndFails()
    {
        await _harness.EnsureAsync(ResourceHarness.PostgresAndRedis());
        var previous = Assert.Single(_harness.Runtime.Current, i => i.Name == "main");
        _harness.Runtime.SetBehaviour("main", FakeResourceBehaviour.Exits(1, "FATAL:  database files are incompatible with server"));

        var error = await Assert.ThrowsAsync<DeploymentFailedException>(() => _harness.EnsureAsync(ResourceHarness.PostgresAndRedis("{version: 16}")));

        Assert.Contains("incompatible with server", error.Message, StringComparison.Ordinal);
        Assert.Equal(["set-aside main", "remove main", "reinstate main"], _harness.Runtime.Events);
        var now = Assert.Single(_harness.Runtime.Current, i => i.Name == "main");
        Assert.Equal((previous.Id, "postgres:15", ResourceState.Running), (now.Id, now.Image, now.State));
    }

    [Fact]
    public async Task EnsureAsync_ChangedVersionStarts_ReplacesTheContainerOnTheSameVolume()
    {
        await _harness.EnsureAsync(ResourceHarness.PostgresAndRedis());
        var previous = Assert.Single(_harness.Runtime.Current, i => i.Name == "main");

        await _harness.EnsureAsync(ResourceHarness.PostgresAndRedis("{version: 16}"));

        var now = Assert.Single(_harness.Runtime.Current, i => i.Name == "main");
        Assert.NotEqual(previous.Id, now.Id);
        Assert.Equal(("postgres:16", previous.Volume), (now.Image, now.Volume));
        Assert.Equal(["set-aside main", "remove main"], _harness.Runtime.Events);
    }

    [Fact]
    public async Task EnsureAsync_StoppedContainer_StartsItAgain()
    {
        await _harness.EnsureAsync(ResourceHarness.PostgresAndRedis());
        _harness.Runtime.Stop(ResourceHarness.App, "cache");

        await _harness.EnsureAsync(ResourceHarness.PostgresAndRedis());

        Assert.Equal(["start cache"], _harness.Runtime.Events);
        Assert.All(_harness.Runtime.Current, i => Assert.Equal(ResourceState.Running, i.State));
    }

    [Fact]
    public async Task EnsureAsync_BadOptions_FailsWithEveryProblemBeforeStartingAnything()
    {
        var manifest = ResourceHarness.Manifest("""
              main:
                type: postgres
                options: {size: 1GB}
              cache:
                type: redis
                options: {durable: sometimes}
            """);

        var error = await Assert.ThrowsAsync<DeploymentFailedException>(() => _harness.EnsureAsync(manifest));

        Assert.Equal(
            "wharf.yml: resources.main.options: unknown option 'size' for a postgres resource; the options are version, storage.\n" +
            "wharf.yml: resources.cache.options.durable: 'sometimes' is not true or false.",
            error.Message);
        Assert.Empty(_harness.Runtime.Created);
    }

    [Fact]
    public async Task EnsureAsync_ImageMissingAndNotPullable_SaysWhichImagesThisMachineHas()
    {
        _harness.Runtime.SetBehaviour("main", new FakeResourceBehaviour(CreateError: "no registry reachable"));

        var error = await Assert.ThrowsAsync<DeploymentFailedException>(() => _harness.EnsureAsync(ResourceHarness.PostgresAndRedis("{version: 17}")));

        Assert.StartsWith(
            "Resource main (postgres 17) cannot start: image postgres:17 is not on this Docker engine and pulling it failed: no registry reachable.",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("postgres:15 and redis:7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureAsync_NameTakenByAnotherType_SaysToRenameIt()
    {
        await _harness.EnsureAsync(ResourceHarness.PostgresAndRedis());
        var manifest = ResourceHarness.Manifest("""
              main:
                type: redis
            """);

        var error = await Assert.ThrowsAsync<DeploymentFailedException>(() => _harness.EnsureAsync(manifest));

        Assert.Equal(
            "Resource main is a redis resource in wharf.yml, but app 'shop' already has a postgres resource of that name, with its data: " +
            "give the redis resource another name (its variables follow the name).",
            error.Message);
    }

    [Fact]
    public async Task EnsureAsync_NoResources_DoesNothing()
    {
        var links = await _harness.Provisioner.EnsureAsync(ResourceHarness.App, ManifestLoader.Parse("services:\n  web:\n    build: .\n").Manifest!, new Dictionary<string, string>(), _harness.Log, CancellationToken.None);

        Assert.Empty(links);
        Assert.Empty(_harness.Runtime.Created);
    }
}
