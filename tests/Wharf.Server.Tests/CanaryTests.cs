using System.Net;
using System.Text;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests;

/// <summary>
/// An env value goes in through the API and must never reach the disk or the logs in the clear: not the SQLite
/// file, its WAL or shared memory, the blobs, the keys, nor any line the server logs.
/// </summary>
public sealed class CanaryTests
{
    [Fact]
    public async Task EnvValue_SetThroughTheApi_AppearsInNoFileAndNoLogLine()
    {
        var canary = "canary-" + Guid.NewGuid();
        var factory = new WharfServerFactory { DeleteDataDirectoryOnDispose = false };
        try
        {
            await using (factory)
            {
                await ExerciseAsync(factory, canary);

                // While running: state.db, state.db-wal and state.db-shm all exist now.
                AssertNowhereOnDisk(factory.DataDirectory, canary, expectWal: true);
                AssertNotLogged(factory.Logs, canary);
            }

            // After a clean stop, with the WAL checkpointed into state.db.
            AssertNowhereOnDisk(factory.DataDirectory, canary, expectWal: false);
            AssertNotLogged(factory.Logs, canary);
        }
        finally
        {
            Directory.Delete(factory.DataDirectory, recursive: true);
        }
    }

    private static async Task ExerciseAsync(WharfServerFactory factory, string canary)
    {
        using var client = factory.AdminClient();
        var app = ApiCalls.NewAppName("canary");
        await client.CreateAppAsync(app);
        await client.SetEnvAsync(app, new Dictionary<string, string> { ["DATABASE_URL"] = canary, ["OTHER"] = "x" });
        await client.SetEnvAsync(app, new Dictionary<string, string> { ["OTHER"] = "y" });

        // Every path that decrypts it: reveal, masked read, releases, diff; and bodies the server refuses.
        var revealed = await (await client.GetAsync($"/v1/apps/{app}/env?reveal=true")).Content.ReadAsStringAsync();
        Assert.Contains(canary, revealed, StringComparison.Ordinal);
        await client.GetAsync($"/v1/apps/{app}/env");
        await client.GetAsync($"/v1/apps/{app}/releases");
        await client.GetAsync($"/v1/apps/{app}/releases/1");
        await client.GetAsync($"/v1/apps/{app}/releases/1/diff/2");
        using var malformed = new StringContent($"{{\"set\":{{\"DATABASE_URL\":\"{canary}\"", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PatchAsync($"/v1/apps/{app}/env", malformed)).StatusCode);
        using var unquoted = new StringContent($"{{\"set\":{{\"DATABASE_URL\":{canary}}}}}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PatchAsync($"/v1/apps/{app}/env", unquoted)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PatchEnvAsync(app, new Dictionary<string, string> { ["1BAD"] = canary })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchEnvAsync("no-such-app", new Dictionary<string, string> { ["A"] = canary })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/apps/{app}")).StatusCode);
    }

    private static void AssertNowhereOnDisk(string dataDirectory, string canary, bool expectWal)
    {
        var files = Directory.GetFiles(dataDirectory, "*", SearchOption.AllDirectories);
        var names = files.Select(Path.GetFileName).ToList();
        Assert.Contains("state.db", names);
        Assert.Contains("kek.key", names);
        Assert.Contains("admin.token", names);
        if (expectWal)
        {
            Assert.Contains("state.db-wal", names);
        }

        byte[][] needles = [Encoding.UTF8.GetBytes(canary), Encoding.Unicode.GetBytes(canary), Encoding.BigEndianUnicode.GetBytes(canary)];
        foreach (var (file, bytes) in DataFiles.Read(dataDirectory))
        {
            foreach (var needle in needles)
            {
                Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"The env value was found in the clear in {file}.");
            }
        }
    }

    private static void AssertNotLogged(CapturedLogs logs, string canary)
    {
        Assert.Contains(logs.Lines, l => l.StartsWith("Debug Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(canary, logs.All, StringComparison.Ordinal);

        // Not even a fragment: the JSON reader's messages could quote a few characters of the body.
        Assert.DoesNotContain(canary[7..], logs.All, StringComparison.Ordinal);
    }
}
