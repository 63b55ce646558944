using System.Net;
using System.Net.Http.Json;
using Wharf.Core.Api;
using Wharf.Core.Timers;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Processes;

/// <summary>Formation, ps, run, exec and timers end to end: the real server, the real Docker engine, examples/worker.</summary>
[Trait("Category", "Docker")]
public sealed class ProcessDockerTests(ProcessDockerFixture docker) : IClassFixture<ProcessDockerFixture>
{
    private ProcessServer Server => docker.Server;

    [Fact]
    public async Task Scale_WorkerToTwo_RunsTwoAndReplacesOneThatIsKilled()
    {
        var app = docker.NewApp();
        await Server.DeployAsync(app, docker.Image);
        await Server.WaitAsync(app, ps => ps.Count(ProcessServer.IsRunningService) == 1);

        var formation = await HttpAssert.OkAsync<List<FormationInfo>>(
            await Server.Admin.PatchAsJsonAsync($"/v1/apps/{app}/formation", new Dictionary<string, int> { ["worker"] = 2 }));
        Assert.Equal(("worker", 2, docker.Image), (formation[0].Service, formation[0].Count, formation[0].Image));
        var two = await Server.WaitAsync(app, ps => ps.Count(ProcessServer.IsRunningService) == 2);

        var killed = two[0].Id!;
        await docker.Docker.Containers.KillAsync(killed);
        var after = await Server.WaitAsync(app, ps => ps.Count(ProcessServer.IsRunningService) == 2 && ps.All(p => p.Id != killed), seconds: 20);

        var replacement = after.First(p => p.Id != two[1].Id);
        Assert.Equal(1, replacement.Restarts);
        Assert.Equal((killed, (int?)137), (replacement.LastExit!.ProcessId, replacement.LastExit.ExitCode));
        var audit = await Server.Admin.GetFromJsonAsync<List<AuditEventInfo>>($"/v1/audit?app={app}");
        Assert.Contains(audit!, e => e.Action == "formation.scale" && e.Detail == "worker=2");
    }

    [Fact]
    public async Task Scale_UnknownServiceAndNegative_Answers400PerService()
    {
        var app = docker.NewApp();
        await Server.DeployAsync(app, docker.Image);

        var problem = await HttpAssert.ProblemAsync(
            await Server.Admin.PatchAsJsonAsync($"/v1/apps/{app}/formation", new Dictionary<string, int> { ["web"] = 1, ["worker"] = -2 }),
            HttpStatusCode.BadRequest);

        Assert.Equal([$"App '{app}' has no service 'web': its services are worker."], problem.Errors!["web"]);
        Assert.Equal(["The count of 'worker' is -2: give 0 or more processes."], problem.Errors["worker"]);
    }

    [Fact]
    public async Task Run_ShellCommand_StreamsItsOutputAndExitCodeThenRemovesIt()
    {
        var app = docker.NewApp();
        await Server.DeployAsync(app, docker.Image);

        var events = await Server.StreamAsync($"/v1/apps/{app}/processes", new RunRequest("worker", ["sh", "-c", "echo hi; echo oops >&2; exit 7"]));

        Assert.Contains(ProcessStreamEvent.Output("stdout", "hi"), events);
        Assert.Contains(ProcessStreamEvent.Output("stderr", "oops"), events);
        Assert.Equal(ProcessStreamEvent.Exit(7), events[^1]);
        Assert.DoesNotContain(await Server.ProcessesAsync(app), p => p.Kind == "oneoff");
    }

    [Fact]
    public async Task Run_Detached_ShowsInPsAndIsRemovedOnceItExits()
    {
        var app = docker.NewApp();
        await Server.DeployAsync(app, docker.Image);

        var process = await HttpAssert.OkAsync<ProcessInfo>(
            await Server.Admin.PostAsJsonAsync($"/v1/apps/{app}/processes", new RunRequest("worker", ["sh", "-c", "sleep 2"], Detach: true)),
            HttpStatusCode.Created);

        Assert.Equal(("oneoff", "worker", 1), (process.Kind, process.Service, process.Release));
        Assert.Contains(await Server.ProcessesAsync(app), p => p.Id == process.Id);
        await Server.WaitAsync(app, ps => ps.All(p => p.Id != process.Id), seconds: 20);
    }

    [Fact]
    public async Task Exec_InARunningWorker_StreamsOutputAndExitCode()
    {
        var app = docker.NewApp();
        await Server.DeployAsync(app, docker.Image);
        var worker = (await Server.WaitAsync(app, ps => ps.Any(ProcessServer.IsRunningService))).Single(ProcessServer.IsRunningService);

        var events = await Server.StreamAsync($"/v1/apps/{app}/processes/{worker.Id}/exec", new ExecRequest(["sh", "-c", "echo from-exec $SERVICE; exit 3"]));

        Assert.Equal([ProcessStreamEvent.Output("stdout", "from-exec worker"), ProcessStreamEvent.Exit(3)], events);
    }

    [Fact]
    public async Task Stop_AServiceProcess_TheReconcilerStartsAnother()
    {
        var app = docker.NewApp();
        await Server.DeployAsync(app, docker.Image);
        var worker = (await Server.WaitAsync(app, ps => ps.Any(ProcessServer.IsRunningService))).Single(ProcessServer.IsRunningService);

        Assert.Equal(HttpStatusCode.NoContent, (await Server.Admin.DeleteAsync($"/v1/apps/{app}/processes/{worker.Id}")).StatusCode);

        await Server.WaitAsync(app, ps => ps.Count(ProcessServer.IsRunningService) == 1 && ps.All(p => p.Id != worker.Id), seconds: 20);
    }

    [Fact]
    public async Task Timer_Due_RunsTheCommandAndRecordsExitCodeZero()
    {
        var app = docker.NewApp();
        await Server.DeployAsync(app, docker.Image);
        var scheduler = Server.Factory.Services.GetRequiredService<TimerScheduler>();

        // The scheduler first sees the timer, then is driven past its next minute instead of waiting for it.
        var now = DateTimeOffset.UtcNow;
        await scheduler.TickAsync(now);
        await scheduler.TickAsync(now.AddMinutes(1).AddSeconds(1));

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        TimerInfo timer;
        do
        {
            await Task.Delay(250);
            timer = (await HttpAssert.OkAsync<List<TimerInfo>>(await Server.Admin.GetAsync($"/v1/apps/{app}/timers"))).Single();
        }
        while (!timer.LastRuns.Any(r => r.Status == "succeeded") && DateTimeOffset.UtcNow < deadline);

        Assert.Equal(("report", "* * * * *", "worker", "forbid"), (timer.Name, timer.Schedule, timer.Service, timer.Concurrency));
        var run = timer.LastRuns.First(r => r.Status == "succeeded");
        Assert.Equal(((int?)0, 1), (run.ExitCode, run.Release));
        Assert.NotNull(run.ProcessId);
        Assert.DoesNotContain(await Server.ProcessesAsync(app), p => p.Id == run.ProcessId);
    }
}
