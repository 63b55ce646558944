using System.Net;
using System.Text;
using System.Text.Json;
using Wharf.Core.Api;
using Wharf.Core.Resources;
using Wharf.Runtime.Docker.Engine;
using Wharf.Server.Tests.Deployments;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Resources;

/// <summary>
/// The issue's "done when": examples/notes (PostgreSQL through psql, Redis through redis-cli) deploys with both
/// resources, writes data, and keeps it through a redeploy, a restart of the Wharf server and restarts of the
/// resource containers; an export then an import brings back exactly what was exported.
/// </summary>
[Trait("Category", "Docker")]
public sealed class NotesDockerTests(ResourceDockerFixture docker) : IClassFixture<ResourceDockerFixture>
{
    private static readonly byte[] _notes = SourceTar.Pack(SourceTar.Example("notes"));

    [Fact]
    public async Task Notes_DeployWriteRedeployRestartExportImport_DataSurvivesAndRoundTrips()
    {
        var data = Path.Combine(Path.GetTempPath(), "wharf-tests-" + Guid.NewGuid().ToString("N"));
        var app = docker.NewApp();
        try
        {
            IReadOnlyList<string> resourceIds;
            await using (var first = new ResourceServer(data))
            {
                await first.Admin.CreateAppAsync(app);
                var (deployed, log) = await first.DeployAsync(app, _notes);
                Assert.True(deployed.Status == "succeeded", deployed.Error + "\n" + string.Join('\n', log));
                Assert.Contains(log, l => l.StartsWith("Resource main (postgres 15) is ready", StringComparison.Ordinal));
                Assert.Contains(log, l => l.StartsWith("Resource cache (redis 7) is ready", StringComparison.Ordinal));
                var web = await first.ProcessAsync(app, 1);
                await NotesApp.AddAsync(web, "buy milk");
                await NotesApp.AddAsync(web, "call mum");
                Assert.Equal(["buy milk", "call mum"], (await NotesApp.ListAsync(web)).Bodies);
                resourceIds = await ResourceIdsAsync(first, app);

                var (redeployed, redeployLog) = await first.DeployAsync(app, _notes);

                Assert.True(redeployed.Status == "succeeded", redeployed.Error + "\n" + string.Join('\n', redeployLog));
                Assert.Equal(2, redeployed.Release);
                var after = await NotesApp.ListAsync(await first.ProcessAsync(app, 2));
                Assert.Equal("buy milk, call mum; last: call mum", Summary(after));
                Assert.Equal(resourceIds, await ResourceIdsAsync(first, app));
            }

            await using var second = new ResourceServer(data);
            Assert.Equal([("main", "running"), ("cache", "running")], (await second.ResourcesAsync(app)).Select(r => (r.Name, r.Status)));
            Assert.Equal(resourceIds, await ResourceIdsAsync(second, app));
            var process = await second.ProcessAsync(app, 2);
            Assert.Equal("buy milk, call mum; last: call mum", Summary(await NotesApp.ListAsync(process)));

            // A crash or a reboot restarts the containers; the volumes (and Redis's append-only file) keep the data.
            foreach (var id in resourceIds)
            {
                await docker.Docker.Containers.StopAsync(id, TimeSpan.FromSeconds(30));
                await docker.Docker.Containers.StartAsync(id);
            }

            Assert.Equal("buy milk, call mum; last: call mum", Summary(await EventuallyAsync(() => NotesApp.ListAsync(process))));

            var (count, _, countExit) = await second.ConsoleAsync(app, "main", "SELECT count(*) AS notes FROM notes;\n");
            Assert.Equal(0, countExit);
            Assert.Contains("notes", count, StringComparison.Ordinal);
            Assert.Contains(" 2", count, StringComparison.Ordinal);
            Assert.Equal(("call mum", 0), await RedisAsync(second, app, "GET last_note"));

            var dump = await second.ExportAsync(app, "main");
            var rdb = await second.ExportAsync(app, "cache");
            Assert.Equal("PGDMP", Encoding.ASCII.GetString(dump, 0, 5));
            Assert.Equal("REDIS", Encoding.ASCII.GetString(rdb, 0, 5));

            await NotesApp.AddAsync(process, "not in the dump");
            Assert.Equal(3, (await NotesApp.ListAsync(process)).Notes.Count);

            var restoredMain = await HttpAssert.OkAsync<ResourceImportResult>(await second.ImportAsync(app, "main", dump));
            var restoredCache = await HttpAssert.OkAsync<ResourceImportResult>(await second.ImportAsync(app, "cache", rdb));

            Assert.Equal((dump.Length, rdb.Length), ((int)restoredMain.Bytes, (int)restoredCache.Bytes));
            Assert.Contains(restoredCache.Output, l => l.StartsWith("Loaded ", StringComparison.Ordinal));
            Assert.Equal("buy milk, call mum; last: call mum", Summary(await NotesApp.ListAsync(process)));

            var badDump = await HttpAssert.ProblemAsync(await second.ImportAsync(app, "main", "not a dump"u8.ToArray()), HttpStatusCode.Conflict);
            var badRdb = await HttpAssert.ProblemAsync(await second.ImportAsync(app, "cache", "not an rdb"u8.ToArray()), HttpStatusCode.Conflict);
            Assert.Contains("pg_restore", badDump.Detail, StringComparison.Ordinal);
            Assert.Contains("not a Redis RDB dump", badRdb.Detail, StringComparison.Ordinal);
            Assert.Equal("buy milk, call mum; last: call mum", Summary(await NotesApp.ListAsync(process)));

            var url = await HttpAssert.OkAsync<ResourceUrlInfo>(await second.Admin.GetAsync($"/v1/apps/{app}/resources/main/url"));
            Assert.Matches("^postgres://main:[A-Za-z0-9_-]{43}@main:5432/main$", url.Url);
            var password = url.Url.Split(':')[2].Split('@')[0];
            Assert.DoesNotContain(password, JsonSerializer.Serialize(await second.ResourcesAsync(app)), StringComparison.Ordinal);
            Assert.DoesNotContain(password, second.Factory.Logs.All, StringComparison.Ordinal);
            Assert.Null(FileContaining(data, password));

            (await second.Admin.DeleteAsync($"/v1/apps/{app}")).EnsureSuccessStatusCode();
            Assert.Empty(await docker.Docker.Containers.ListAsync(DockerFilters.WithLabel("wharf.app", app)));
            Assert.Empty(await docker.Docker.Volumes.ListAsync(DockerFilters.WithLabel("wharf.app", app)));
        }
        finally
        {
            await docker.RemoveAppAsync(app);
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>The first file under <paramref name="directory"/> holding <paramref name="secret"/> (the state store, its WAL, blobs), or null.</summary>
    private static string? FileContaining(string directory, string secret)
    {
        var needle = Encoding.UTF8.GetBytes(secret);
        return DataFiles.Read(directory).Where(file => file.Bytes.AsSpan().IndexOf(needle) >= 0).Select(file => file.Path).FirstOrDefault();
    }

    /// <summary>The notes (from PostgreSQL) and the last one (from Redis) in one comparable line.</summary>
    private static string Summary(NotesApp.NoteList notes) => $"{string.Join(", ", notes.Bodies)}; last: {notes.Last}";

    private static async Task<IReadOnlyList<string>> ResourceIdsAsync(ResourceServer server, string app)
    {
        var runtime = server.Factory.Services.GetRequiredService<IResourceRuntime>();
        return [.. (await runtime.ListAsync(app)).Select(i => i.Id)];
    }

    private static async Task<(string Stdout, int? Exit)> RedisAsync(ResourceServer server, string app, string command)
    {
        var (stdout, _, exit) = await server.ConsoleAsync(app, "cache", command + "\n");
        return (stdout.Trim(), exit);
    }

    /// <summary>Retries while the app answers errors (its databases are starting again); fails after 60 s.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException or HttpRequestException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }
}
