using System.Collections.Concurrent;
using Wharf.Cli.Tests.Infrastructure;

namespace Wharf.Cli.Tests;

/// <summary>`wharf deploy` across a crash of the server: it waits for the server and reports how the deployment ended.</summary>
[Trait("Category", "Docker")]
public sealed class DeployFollowDockerTests
{
    [Fact]
    public async Task Deploy_ServerCrashesMidBuild_WaitsForTheServerAndReportsTheDeploymentInterrupted()
    {
        var server = new ServerFixture(); // its own: this test kills it
        await server.InitializeAsync();
        try
        {
            using var user = server.Admin();
            await using var app = await TestApp.CreateAsync(user, "crash");
            using var source = new TempDirectory("wharf-crash-app");
            // A build step that is never cached and takes long enough to crash the server in the middle of it.
            File.WriteAllText(source.Combine("Dockerfile"), $"FROM debian:bookworm-slim\nRUN echo {Guid.NewGuid():N} && sleep 5\nCMD [\"sleep\", \"infinity\"]\n");
            File.WriteAllText(source.Combine("wharf.yml"), "services:\n  worker:\n    build: .\n");

            using var deploy = user.Start("deploy", source.Path, "-a", app.Name);
            var stdout = new ConcurrentQueue<string>();
            var stderr = deploy.StandardError.ReadToEndAsync();
            var reading = Task.Run(async () =>
            {
                while (await deploy.StandardOutput.ReadLineAsync() is { } line)
                {
                    stdout.Enqueue(line);
                }
            });

            var building = await Eventually.TrueAsync(
                () => Task.FromResult(stdout.Any(line => line.Contains("sleep 5", StringComparison.Ordinal))), TimeSpan.FromSeconds(60));
            Assert.True(building, "the build never started: " + string.Join('\n', stdout));
            await server.CrashAndRestartAsync();

            var exited = deploy.WaitForExitAsync();
            var ended = await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(90))) == exited;
            if (!ended)
            {
                deploy.Kill(entireProcessTree: true);
            }

            await reading;
            var output = string.Join('\n', stdout) + "\n--- stderr ---\n" + await stderr;
            Assert.True(ended, "wharf deploy did not end: " + output);
            Assert.Equal(1, deploy.ExitCode);
            Assert.Contains("Interrupted by a server restart", output, StringComparison.Ordinal);
            Assert.Contains("reconnected", output, StringComparison.Ordinal);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
