using System.Net.Http.Json;
using Wharf.Core.Runtime;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Processes;

/// <summary>A server that restarts adopts the processes it finds instead of restarting them.</summary>
[Trait("Category", "Docker")]
public sealed class ServerRestartDockerTests(ProcessDockerFixture docker) : IClassFixture<ProcessDockerFixture>
{
    [Fact]
    public async Task Restart_NewServerOverTheSameData_KeepsTheSameContainersRunning()
    {
        var data = Path.Combine(Path.GetTempPath(), "wharf-tests-" + Guid.NewGuid().ToString("N"));
        var app = docker.NewApp();
        try
        {
            List<string> before;
            await using (var first = new ProcessServer(new WharfServerFactory { DataDirectory = data, DeleteDataDirectoryOnDispose = false }))
            {
                await first.DeployAsync(app, docker.Image);
                (await first.Admin.PatchAsJsonAsync($"/v1/apps/{app}/formation", new Dictionary<string, int> { ["worker"] = 2 })).EnsureSuccessStatusCode();
                // Only the services: a run of the app's timer may be listed too, and it ends by itself.
                var listed = await first.WaitAsync(app, ps => ps.Count(ProcessServer.IsRunningService) == 2);
                before = [.. listed.Where(ProcessServer.IsRunningService).Select(p => p.Id!).Order()];
            }

            await using var second = new ProcessServer(new WharfServerFactory { DataDirectory = data, DeleteDataDirectoryOnDispose = false });
            Assert.Equal(before, (await second.RunningAsync(app)).Select(p => p.Id!).Order());

            // A few reconciler rounds later nothing was restarted, stopped or added.
            await Task.Delay(TimeSpan.FromSeconds(6));
            Assert.Equal(before, (await second.RunningAsync(app)).Select(p => p.Id!).Order());
            var all = await second.Runtime.ListAsync(app);
            Assert.Equal(before, all.Where(p => p.Kind == ProcessKind.Service).Select(p => p.Id).Order());
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
