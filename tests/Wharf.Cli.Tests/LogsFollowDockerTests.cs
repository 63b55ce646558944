using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Wharf.Cli.Tests.Infrastructure;

namespace Wharf.Cli.Tests;

/// <summary>`wharf logs -f` across a crash of the server: it reconnects and goes on, every line once.</summary>
[Trait("Category", "Docker")]
public sealed partial class LogsFollowDockerTests
{
    [Fact]
    public async Task Follow_ServerCrashesAndComesBack_PrintsEveryLineOnceAndNoneTwice()
    {
        var server = new ServerFixture(); // its own: this test kills it
        await server.InitializeAsync();
        try
        {
            using var user = server.Admin();
            await using var app = await TestApp.CreateAsync(user, "follow");
            using var source = new TempDirectory("wharf-follow-app");
            File.WriteAllText(
                source.Combine("wharf.yml"),
                "services:\n  worker:\n    image: debian:bookworm-slim\n"
                + "    command: sh -c 'i=0; while true; do i=$((i+1)); echo tick-$i; sleep 0.05; done'\n"
                + "    termination:\n      grace: 1s\n");
            var deploy = await user.RunAsync("deploy", source.Path, "-a", app.Name);
            Assert.True(deploy.ExitCode == 0, deploy.ToString());

            using var follow = user.Start("logs", "-a", app.Name, "-f", "--filter", "tick-");
            var ticks = new ConcurrentQueue<int>();
            var stderr = follow.StandardError.ReadToEndAsync();
            var reading = Task.Run(async () =>
            {
                while (await follow.StandardOutput.ReadLineAsync() is { } line)
                {
                    ticks.Enqueue(int.Parse(Tick().Match(line).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            });

            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(ticks.Count >= 10), TimeSpan.FromSeconds(30)), $"no ticks followed: {ticks.Count}");
            await server.CrashAndRestartAsync();
            var atRestart = ticks.Count;
            var goesOn = await Eventually.TrueAsync(() => Task.FromResult(ticks.Count >= atRestart + 60), TimeSpan.FromSeconds(60));
            follow.Kill(entireProcessTree: true);
            await follow.WaitForExitAsync();
            await reading;

            var seen = ticks.ToList();
            Assert.True(goesOn, $"{seen.Count} ticks, {atRestart} before the restart; stderr: {await stderr}");
            Assert.Equal(Enumerable.Range(seen[0], seen.Count), seen);
            Assert.Contains("reconnected", await stderr, StringComparison.Ordinal);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [GeneratedRegex(@" tick-(\d+)$")]
    private static partial Regex Tick();
}
