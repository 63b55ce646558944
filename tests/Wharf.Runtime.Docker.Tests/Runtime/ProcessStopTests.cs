using System.Diagnostics;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Runtime;

[Trait("Category", TestCategories.Docker)]
[Collection(RuntimeTestGroup.Name)]
public sealed class ProcessStopTests(RuntimeFixture fixture) : RuntimeTest(fixture)
{
    [Fact]
    public async Task StopAsync_ProcessTrapsSigterm_LogsItExitsBeforeTheGraceAndIsRemoved()
    {
        var process = await Runtime.StartAsync(
            Spec("worker", "sh", "-c", "trap 'echo got SIGTERM; exit 0' TERM; echo ready; while true; do sleep 0.1; done"), Timeout);
        var ready = new TaskCompletionSource();
        var lines = FollowAsync(process.Id, ready);
        await ready.Task.WaitAsync(Timeout);
        var clock = Stopwatch.StartNew();

        await Runtime.StopAsync(process.Id, TimeSpan.FromSeconds(20), Timeout);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stop took {clock.Elapsed}");
        Assert.Contains("got SIGTERM", await lines);
        Assert.Null(await Runtime.GetAsync(process.Id, Timeout));
        Assert.Null(await Fixture.Client.Containers.InspectAsync(process.Id, Timeout));
    }

    [Fact]
    public async Task StopAsync_ProcessIgnoresSigterm_IsKilledAfterTheGraceAndRemoved()
    {
        var grace = TimeSpan.FromSeconds(3);
        var process = await Runtime.StartAsync(Spec("worker", "sh", "-c", "trap '' TERM; echo ready; sleep 1000"), Timeout);
        var ready = new TaskCompletionSource();
        _ = FollowAsync(process.Id, ready);
        await ready.Task.WaitAsync(Timeout);
        var clock = Stopwatch.StartNew();

        await Runtime.StopAsync(process.Id, grace, Timeout);

        Assert.InRange(clock.Elapsed, grace, grace + TimeSpan.FromSeconds(5));
        Assert.Null(await Runtime.GetAsync(process.Id, Timeout));
        Assert.Empty(await Runtime.ListAsync(App, Timeout));
    }

    [Fact]
    public async Task StopAsync_ProcessWithoutSigtermHandler_StopsAtOnceNotAfterTheGrace()
    {
        // A bare `sleep` installs no handler; as PID 1 the kernel would ignore SIGTERM, so only an init in front of it
        // makes the stop prompt.
        var process = await Runtime.StartAsync(Spec("worker", "sleep", "1000"), Timeout);
        var clock = Stopwatch.StartNew();

        await Runtime.StopAsync(process.Id, TimeSpan.FromSeconds(20), Timeout);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stop took {clock.Elapsed}");
        Assert.Null(await Runtime.GetAsync(process.Id, Timeout));
    }

    [Fact]
    public async Task StopAsync_ProcessGoneAlready_IsANoOp()
    {
        var process = await Runtime.StartAsync(Spec("worker", "true"), Timeout);
        await Runtime.StopAsync(process.Id, TimeSpan.Zero, Timeout);

        await Runtime.StopAsync(process.Id, TimeSpan.Zero, Timeout);
        await Runtime.RemoveAsync(process.Id, Timeout);

        Assert.Null(await Runtime.GetAsync(process.Id, Timeout));
    }

    [Fact]
    public async Task RemoveAsync_ExitedProcess_IsGoneFromTheList()
    {
        var process = await Runtime.StartAsync(Spec("worker", "sh", "-c", "exit 1"), Timeout);
        await Runtime.WaitAsync(process.Id, Timeout);

        await Runtime.RemoveAsync(process.Id, Timeout);

        Assert.Empty(await Runtime.ListAsync(App, Timeout));
        Assert.Null(await Fixture.Client.Containers.InspectAsync(process.Id, Timeout));
    }

    /// <summary>Follows the output until the process ends; <paramref name="ready"/> fires at the "ready" line.</summary>
    private async Task<List<string>> FollowAsync(string id, TaskCompletionSource ready)
    {
        var lines = new List<string>();
        await foreach (var line in Runtime.LogsAsync(id, follow: true, ct: Timeout))
        {
            lines.Add(line.Text);
            if (line.Text == "ready")
            {
                ready.TrySetResult();
            }
        }

        return lines;
    }
}
