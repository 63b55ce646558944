using System.Text.Json;
using Wharf.Cli.Tests.Infrastructure;
using Wharf.Core.Api;

namespace Wharf.Cli.Tests;

/// <summary>`wharf deploy` building and running real images on the Docker engine the server uses.</summary>
[Collection(ServerCollectionDefinition.Name)]
[Trait("Category", "Docker")]
public sealed class DeployDockerTests(ServerFixture server)
{
    [Fact]
    public async Task Deploy_ExamplesHello_RunsReleaseOneAndPsShowsAWebProcess()
    {
        using var user = Deployer();
        await using var app = await TestApp.CreateAsync(user, "hello");

        var deploy = await user.RunAsync("deploy", RepoPaths.Example("hello"), "-a", app.Name);
        var ps = await user.RunAsync("ps", "-a", app.Name, "--json");
        var table = await user.RunAsync("ps", "-a", app.Name);

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Contains($"Release v1 of {app.Name} is running.", deploy.Stdout, StringComparison.Ordinal);
        var processes = JsonSerializer.Deserialize<List<ProcessInfo>>(ps.Stdout, JsonSerializerOptions.Web)!;
        Assert.Contains(processes, p => p is { Service: "web", State: "running", Release: 1 });
        Assert.Contains("web", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("running", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_Detached_ReturnsTheIdAndLogsFollowToTheRelease()
    {
        using var user = Deployer();
        await using var app = await TestApp.CreateAsync(user, "detach");

        var deploy = await user.RunAsync("deploy", RepoPaths.Example("hello"), "-a", app.Name, "--detach");
        var follow = await user.RunAsync("deployments", "logs", "-a", app.Name, "1", "--follow");
        var list = await user.RunAsync("deployments", "-a", app.Name);

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Contains($"Deployment 1 of {app.Name}", deploy.Stdout, StringComparison.Ordinal);
        Assert.True(follow.ExitCode == 0, follow.ToString());
        Assert.Contains($"Release v1 of {app.Name} is running.", follow.Stdout, StringComparison.Ordinal);
        Assert.Contains("succeeded", list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_FailingDockerfile_ExitsErrorShowingTheFailingStep()
    {
        using var user = Deployer();
        await using var app = await TestApp.CreateAsync(user, "broken");
        using var source = new TempDirectory("wharf-broken-app");
        File.WriteAllText(source.Combine("wharf.yml"), "services:\n  web:\n    build: .\n    port: 5000\n");
        File.WriteAllText(source.Combine("Dockerfile"), "FROM debian:bookworm-slim\nRUN echo about-to-fail && exit 3\n");

        var deploy = await user.RunAsync("deploy", source.Path, "-a", app.Name);
        var builds = await user.RunAsync("builds", "-a", app.Name, "--json");

        Assert.True(deploy.ExitCode == 1, deploy.ToString());
        Assert.Contains("echo about-to-fail && exit 3", deploy.Stdout + deploy.Stderr, StringComparison.Ordinal);
        Assert.Contains($"Deployment 1 of {app.Name} failed", deploy.Stderr, StringComparison.Ordinal);
        var build = Assert.Single(JsonSerializer.Deserialize<List<BuildInfo>>(builds.Stdout, JsonSerializerOptions.Web)!);
        Assert.Equal("failed", build.Status);
    }

    [Fact]
    public async Task Deploy_VariableSetOnlyInTheAppsConfig_WarnsAndDeploys()
    {
        using var source = new TempDirectory("wharf-var-app");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Example("hello")))
        {
            File.Copy(file, source.Combine(Path.GetFileName(file)));
        }

        var manifest = File.ReadAllText(source.Combine("wharf.yml"));
        File.WriteAllText(source.Combine("wharf.yml"), manifest.Replace("GREETING=Hello from Wharf", "GREETING=${HELLO_GREETING}", StringComparison.Ordinal));
        using var user = Deployer();
        await using var app = await TestApp.CreateAsync(user, "vars");
        await user.RunAsync("env", "set", "-a", app.Name, "HELLO_GREETING=from the config");

        var deploy = await user.RunAsync("deploy", source.Path, "-a", app.Name);
        var greeting = await user.RunAsync("run", "-a", app.Name, "web", "--", "sh", "-c", "echo \"$GREETING\"");

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Contains("warning: ", deploy.Stderr, StringComparison.Ordinal);
        Assert.Contains("${HELLO_GREETING} is not set here", deploy.Stderr, StringComparison.Ordinal);
        Assert.Equal("from the config", greeting.Stdout.Trim());
    }

    private CliSession Deployer()
    {
        var user = server.Admin();

        // The first build of examples/hello installs python3 from the Debian mirror.
        user.Timeout = TimeSpan.FromMinutes(5);
        return user;
    }
}
