using System.Text.Json;
using Wharf.Cli.Tests.Infrastructure;
using Wharf.Core.Api;

namespace Wharf.Cli.Tests;

/// <summary>`wharf run`, `scale` and `ps` against processes of a deployed examples/hello.</summary>
[Collection(ServerCollectionDefinition.Name)]
[Trait("Category", "Docker")]
public sealed class ProcessCommandTests(ServerFixture server)
{
    [Fact]
    public async Task Run_CommandExitingSeven_PrintsItsOutputAndExitsSeven()
    {
        using var user = Deployer();
        await using var app = await DeployHelloAsync(user, "run");

        var run = await user.RunAsync("run", "-a", app.Name, "web", "--", "sh", "-c", "echo hi; echo oops >&2; exit 7");

        Assert.True(run.ExitCode == 7, run.ToString());
        Assert.Equal("hi", run.Stdout.Trim());
        Assert.Equal("oops", run.Stderr.Trim());
    }

    [Fact]
    public async Task RunDetach_LongCommand_PrintsTheIdThatPsShowsAndPsStopEnds()
    {
        using var user = Deployer();
        await using var app = await DeployHelloAsync(user, "detach");

        var run = await user.RunAsync("run", "-a", app.Name, "web", "--detach", "--", "sleep", "300");
        var id = run.Stdout.Trim();
        var listed = (await ProcessesAsync(user, app.Name)).Any(p => p.Id == id && p.Kind == "oneoff");
        var stop = await user.RunAsync("ps", "stop", "-a", app.Name, id);
        var gone = await Eventually.TrueAsync(
            async () => !(await ProcessesAsync(user, app.Name)).Any(p => p.Id == id && p.State == "running"), TimeSpan.FromSeconds(30));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches("^[0-9a-f]{12}$", id);
        Assert.True(listed, (await user.RunAsync("ps", "-a", app.Name)).ToString());
        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.True(gone);
    }

    [Fact]
    public async Task Scale_WebToTwo_PsShowsTwoRunningWebProcesses()
    {
        using var user = Deployer();
        await using var app = await DeployHelloAsync(user, "scale");

        var scale = await user.RunAsync("scale", "-a", app.Name, "web=2");
        var two = await Eventually.TrueAsync(
            async () => (await RunningWebAsync(user, app.Name)) == 2, TimeSpan.FromSeconds(60));
        var formation = await user.RunAsync("scale", "-a", app.Name, "--json");

        Assert.True(scale.ExitCode == 0, scale.ToString());
        Assert.True(two, (await user.RunAsync("ps", "-a", app.Name)).ToString());
        var web = Assert.Single(JsonSerializer.Deserialize<List<FormationInfo>>(formation.Stdout, JsonSerializerOptions.Web)!);
        Assert.Equal(2, web.Count);
    }

    [Fact]
    public async Task Scale_UnknownService_ExitsErrorNamingIt()
    {
        using var user = Deployer();
        await using var app = await DeployHelloAsync(user, "scalebad");

        var scale = await user.RunAsync("scale", "-a", app.Name, "nosuch=1");

        Assert.True(scale.ExitCode == 1, scale.ToString());
        Assert.Contains("nosuch", scale.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_InRunningWebProcess_PassesOutputAndExitCode()
    {
        using var user = Deployer();
        await using var app = await DeployHelloAsync(user, "exec");
        var id = (await ProcessesAsync(user, app.Name)).First(p => p.Service == "web").Id!;

        var exec = await user.RunAsync("exec", "-a", app.Name, id, "--", "sh", "-c", "echo inside; exit 3");

        Assert.True(exec.ExitCode == 3, exec.ToString());
        Assert.Equal("inside", exec.Stdout.Trim());
    }

    private CliSession Deployer()
    {
        var user = server.Admin();
        user.Timeout = TimeSpan.FromMinutes(5);
        return user;
    }

    private static async Task<TestApp> DeployHelloAsync(CliSession user, string prefix)
    {
        var app = await TestApp.CreateAsync(user, prefix);
        var deploy = await user.RunAsync("deploy", RepoPaths.Example("hello"), "-a", app.Name);
        if (deploy.ExitCode != 0)
        {
            await app.DisposeAsync();
            Assert.Fail(deploy.ToString());
        }

        return app;
    }

    private static async Task<List<ProcessInfo>> ProcessesAsync(CliSession user, string app)
    {
        var ps = await user.RunAsync("ps", "-a", app, "--json");
        Assert.True(ps.ExitCode == 0, ps.ToString());
        return JsonSerializer.Deserialize<List<ProcessInfo>>(ps.Stdout, JsonSerializerOptions.Web)!;
    }

    private static async Task<int> RunningWebAsync(CliSession user, string app) =>
        (await ProcessesAsync(user, app)).Count(p => p is { Service: "web", State: "running", Kind: "service" });
}
