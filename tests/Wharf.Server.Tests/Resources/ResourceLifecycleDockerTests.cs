using System.Net;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Server.Tests.Deployments;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Resources;

/// <summary>
/// Resources that fail to start fail the deploy with their last lines while the previous release keeps running;
/// deleting an app takes the data unless told to keep it. A worker from the base image keeps these quick: no build.
/// </summary>
[Trait("Category", "Docker")]
public sealed class ResourceLifecycleDockerTests(ResourceDockerFixture docker) : IClassFixture<ResourceDockerFixture>
{

    [Fact]
    public async Task Deploy_CorruptedVolume_FailsWithTheResourcesLastLinesAndThePreviousReleaseKeepsRunning()
    {
        await using var server = ResourceServer.Fresh();
        var app = await CreateAppAsync(server);
        var (first, firstLog) = await server.DeployAsync(app, Worker("{}"));
        Assert.True(first.Status == "succeeded", first.Error + "\n" + string.Join('\n', firstLog));
        var worker = await server.ProcessAsync(app, 1, "worker");
        Assert.StartsWith("postgres://db:", await EnvAsync(server, worker, "DB_URL"), StringComparison.Ordinal);

        // A config line PostgreSQL cannot parse, as a bad edit or a broken disk would leave it; then a restart.
        await RunOnVolumeAsync($"wharf-{app}-db-data", "echo 'this is = not ] a setting' >> /data/postgresql.conf");
        var db = (await docker.Docker.Containers.ListAsync(DockerFilters.WithLabel("wharf.app", app).Label("wharf.resource", "db"))).Single();
        await docker.Docker.Containers.StopAsync(db.Id, TimeSpan.FromSeconds(30));
        await docker.Docker.Containers.StartAsync(db.Id);

        var (failed, log) = await server.DeployAsync(app, Worker("{}", "v2"));

        Assert.Equal("failed", failed.Status);
        Assert.StartsWith("Resource db (postgres 15) ", failed.Error, StringComparison.Ordinal);
        Assert.Contains(". Its last lines:\n", failed.Error, StringComparison.Ordinal);
        Assert.Contains("postgresql.conf", failed.Error, StringComparison.Ordinal);
        Assert.Contains(log, l => l.Contains("postgresql.conf", StringComparison.Ordinal));
        Assert.Equal(1, (await HttpAssert.OkAsync<Core.Api.AppInfo>(await server.Admin.GetAsync($"/v1/apps/{app}"))).CurrentRelease);
        Assert.Equal(worker.Id, (await server.ProcessAsync(app, 1, "worker")).Id);
        Assert.DoesNotContain(await server.Runtime.ListAsync(app), p => p.Release == 2);
    }

    [Fact]
    public async Task Deploy_UnknownOption_FailsBeforeStartingAnything()
    {
        await using var server = ResourceServer.Fresh();
        var app = await CreateAppAsync(server);

        var (failed, _) = await server.DeployAsync(app, Worker("{verison: 16}"));

        Assert.Equal("failed", failed.Status);
        Assert.Equal("wharf.yml: resources.db.options: unknown option 'verison' for a postgres resource; the options are version, storage.", failed.Error);
        Assert.Empty(await docker.Docker.Containers.ListAsync(DockerFilters.WithLabel("wharf.app", app)));
    }

    [Fact]
    public async Task Deploy_VersionWithoutAnImage_FailsNamingTheImagesThisMachineHas()
    {
        await using var server = ResourceServer.Fresh();
        var app = await CreateAppAsync(server);

        var (failed, _) = await server.DeployAsync(app, Worker("{version: 99}"));

        Assert.Equal("failed", failed.Status);
        Assert.StartsWith("Resource db (postgres 99) cannot start: image postgres:99 is not on this Docker engine and pulling it failed: ", failed.Error, StringComparison.Ordinal);
        Assert.Contains("postgres:15 and redis:7", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteApp_KeepData_ANewAppOfThatNameFindsTheDataAndItsNewPasswordWorks()
    {
        await using var server = ResourceServer.Fresh();
        var app = await CreateAppAsync(server);
        var (first, _) = await server.DeployAsync(app, Worker("{}"));
        Assert.True(first.Status == "succeeded", first.Error);
        Assert.Equal(0, (await server.ConsoleAsync(app, "db", "CREATE TABLE kept (word text); INSERT INTO kept VALUES ('still here');\n")).Exit);
        var oldUrl = (await HttpAssert.OkAsync<Core.Api.ResourceUrlInfo>(await server.Admin.GetAsync($"/v1/apps/{app}/resources/db/url"))).Url;

        (await server.Admin.DeleteAsync($"/v1/apps/{app}?keepData=true")).EnsureSuccessStatusCode();

        Assert.Empty(await docker.Docker.Containers.ListAsync(DockerFilters.WithLabel("wharf.app", app)));
        Assert.Equal([$"wharf-{app}-db-data"], (await docker.Docker.Volumes.ListAsync(DockerFilters.WithLabel("wharf.app", app))).Select(v => v.Name));

        await server.Admin.CreateAppAsync(app);
        var (again, againLog) = await server.DeployAsync(app, Worker("{}"));
        Assert.True(again.Status == "succeeded", again.Error + "\n" + string.Join('\n', againLog));
        var url = (await HttpAssert.OkAsync<Core.Api.ResourceUrlInfo>(await server.Admin.GetAsync($"/v1/apps/{app}/resources/db/url"))).Url;
        Assert.NotEqual(oldUrl, url);

        // Over TCP with the new password, as the app connects: the kept cluster was told about it.
        var tcp = url.Replace("@db:", "@127.0.0.1:", StringComparison.Ordinal);
        var (stdout, stderr, exit) = await server.ConsoleAsync(app, "db", $"\\connect {tcp}\nSELECT word FROM kept;\n");
        Assert.True(exit == 0, stderr);
        Assert.Contains("still here", stdout, StringComparison.Ordinal);

        (await server.Admin.DeleteAsync($"/v1/apps/{app}")).EnsureSuccessStatusCode();
        Assert.Empty(await docker.Docker.Volumes.ListAsync(DockerFilters.WithLabel("wharf.app", app)));
    }

    [Fact]
    public async Task Console_UnknownResource_IsNotFoundWithTheAppsResources()
    {
        await using var server = ResourceServer.Fresh();
        var app = await CreateAppAsync(server);
        await server.DeployAsync(app, Worker("{verison: 1}"));

        var problem = await HttpAssert.ProblemAsync(
            await server.Admin.PostAsync($"/v1/apps/{app}/resources/nope/console", new StringContent("")), HttpStatusCode.NotFound);

        Assert.Contains($"App '{app}' has no resource 'nope'", problem.Detail, StringComparison.Ordinal);
    }

    /// <summary>A worker from the base image linked to a postgres resource "db" with these options; no build.</summary>
    private static byte[] Worker(string options, string version = "v1") => SourceTar.Pack(SourceTar.Example("worker"), new Dictionary<string, string>
    {
        ["wharf.yml"] = $"""
            environment:
              - VERSION={version}
            resources:
              db:
                type: postgres
                options: {options}
            services:
              worker:
                image: debian:bookworm-slim
                command: [sleep, infinity]
                resources: [db]
                termination:
                  grace: 2s
            """,
    });

    private async Task<string> CreateAppAsync(ResourceServer server)
    {
        var app = docker.NewApp();
        await server.Admin.CreateAppAsync(app);
        return app;
    }

    private static async Task<string> EnvAsync(ResourceServer server, RuntimeProcess process, string key)
    {
        var lines = new List<string>();
        var code = await server.Runtime.ExecAsync(process.Id, ["printenv", key], (output, _) =>
        {
            lines.Add(output.Text);
            return Task.CompletedTask;
        });
        Assert.Equal(0, code);
        return string.Join('\n', lines);
    }

    private async Task RunOnVolumeAsync(string volume, string script)
    {
        var created = await docker.Docker.Containers.CreateAsync(new ContainerSpec
        {
            Image = "debian:bookworm-slim",
            Cmd = ["sh", "-c", script],
            Mounts = [ContainerMount.Volume(volume, "/data")],
            Labels = new Dictionary<string, string> { ["wharf.test"] = "1" },
        });
        try
        {
            await docker.Docker.Containers.StartAsync(created.Id);
            Assert.Equal(0, (await docker.Docker.Containers.WaitAsync(created.Id)).ExitCode);
        }
        finally
        {
            await docker.Docker.Containers.RemoveAsync(created.Id, force: true);
        }
    }
}
