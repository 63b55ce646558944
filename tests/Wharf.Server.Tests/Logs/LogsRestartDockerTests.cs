using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Api;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Runtime;
using Wharf.Server.Tests.Infrastructure;
using Wharf.Server.Tests.Routing;
using Xunit.Abstractions;

namespace Wharf.Server.Tests.Logs;

/// <summary>
/// The server goes away (a stop, or SIGKILL) while an app keeps printing numbered lines; once it is back, the log
/// holds every line exactly once, those a follower had already seen included.
/// </summary>
[Trait("Category", "Docker")]
public sealed class LogsRestartDockerTests(ITestOutputHelper output)
{
    // A line every 20 ms, numbered; on SIGTERM a last line, so a stop shows whether the end was collected too.
    private const string Counter = "trap 'echo final; exit 0' TERM; i=0; while true; do i=$((i+1)); echo \"n $i\"; sleep 0.02 & wait $!; done";

    [Fact]
    public async Task Restart_ServerStoppedWhileTheAppPrints_EveryLineExactlyOnce()
    {
        var data = Path.Combine(Path.GetTempPath(), "wharf-tests-" + Guid.NewGuid().ToString("N"));
        var app = "lr" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        try
        {
            int before;
            await using (var first = new WharfServerFactory { DataDirectory = data, DeleteDataDirectoryOnDispose = false })
            {
                using var admin = first.AdminClient();
                await LogsDockerFixture.RequireEngineAsync(first.Services.GetRequiredService<IDockerClient>());
                await admin.CreateAppAsync(app);
                Assert.Equal("succeeded", (await LogsDockerFixture.DeployAsync(admin, app, AppTar.Service("counter", Counter))).Status);
                before = MaxNumber(await LogsDockerFixture.WaitForLinesAsync(admin, LogPath(app), lines => MaxNumber(lines) >= 50));
            }

            // The app goes on printing while no server runs.
            await Task.Delay(TimeSpan.FromSeconds(3));

            await using var second = new WharfServerFactory { DataDirectory = data, DeleteDataDirectoryOnDispose = false };
            using var again = second.AdminClient();
            await LogsDockerFixture.WaitForLinesAsync(again, LogPath(app), lines => MaxNumber(lines) >= before + 150);
            var lines = await StopAndReadAsync(again, app);

            AssertEveryLineOnce(lines, output);
            Assert.True(MaxNumber(lines) >= before + 150);
            await again.DeleteAsync($"/v1/apps/{app}");
        }
        finally
        {
            await RemoveAsync(app);
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task KillMinus9_ServerKilledWhileTheAppPrints_NoAcknowledgedLineIsLostOrRepeated()
    {
        var app = "lk" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        await using var server = await RoutedServerProcess.StartAsync();
        try
        {
            List<LogLineInfo> seen;
            using (var admin = server.Admin())
            {
                await admin.CreateAppAsync(app);
                Assert.Equal("succeeded", (await LogsDockerFixture.DeployAsync(admin, app, AppTar.Service("counter", Counter))).Status);
                await using var follow = await LogFollower.OpenAsync(admin, $"{LogPath(app)}&follow=true");
                await follow.WaitForAsync(l => Number(l) >= 100, seconds: 60);

                await server.KillAsync();
                lock (follow.Received)
                {
                    seen = [.. follow.Received];
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            await server.StartAgainAsync();
            using var again = server.Admin();
            var killedAt = MaxNumber(seen);
            await LogsDockerFixture.WaitForLinesAsync(again, LogPath(app), lines => MaxNumber(lines) >= killedAt + 150);
            var lines = await StopAndReadAsync(again, app);

            AssertEveryLineOnce(lines, output);
            var stored = lines.Select(Number).ToHashSet();
            Assert.All(seen.Where(l => Number(l) > 0), l => Assert.Contains(Number(l), stored));
            output.WriteLine($"{seen.Count} lines seen by a follower before SIGKILL (up to n {killedAt}); {lines.Count} lines stored in all");
            await again.DeleteAsync($"/v1/apps/{app}");
        }
        finally
        {
            await RemoveAsync(app);
        }
    }

    private static string LogPath(string app) => $"/v1/apps/{app}/logs?source=stdout&since=1h";

    /// <summary>Scales the counter to 0 (its process is stopped, its last lines drained) and reads its whole output.</summary>
    private static async Task<List<LogLineInfo>> StopAndReadAsync(HttpClient admin, string app)
    {
        await LogsDockerFixture.ScaleAsync(admin, app, "counter", 0);
        return await LogsDockerFixture.WaitForLinesAsync(admin, LogPath(app), lines => lines.Count > 0 && lines[^1].Text == "final");
    }

    private static void AssertEveryLineOnce(List<LogLineInfo> lines, ITestOutputHelper output)
    {
        var numbers = lines.Where(l => l.Text != "final").Select(Number).ToList();
        output.WriteLine($"{numbers.Count} numbered lines, up to n {numbers.Max()}");
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers.Order());
        Assert.Equal("final", lines[^1].Text);
        Assert.Single(lines, l => l.Text == "final");
    }

    private static int Number(LogLineInfo line) =>
        line.Text.StartsWith("n ", StringComparison.Ordinal) ? int.Parse(line.Text[2..], CultureInfo.InvariantCulture) : 0;

    private static int MaxNumber(List<LogLineInfo> lines) => lines.Count == 0 ? 0 : lines.Max(Number);

    private static async Task RemoveAsync(string app)
    {
        using var docker = new DockerClient(new DockerClientOptions());
        using var runtime = new DockerProcessRuntime(docker, NullLogger<DockerProcessRuntime>.Instance);
        await runtime.RemoveAppAsync(app);
    }
}
