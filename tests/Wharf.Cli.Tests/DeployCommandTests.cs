using System.Text.Json;
using Wharf.Cli.Tests.Infrastructure;
using Wharf.Core.Api;

namespace Wharf.Cli.Tests;

/// <summary>`wharf deploy` refusing before anything is sent: these need the server but no Docker.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class DeployCommandTests(ServerFixture server)
{
    [Fact]
    public async Task Deploy_BadManifest_ExitsErrorWithLineAndColumnAndUploadsNothing()
    {
        using var source = new TempDirectory("wharf-bad-app");
        using var user = server.Admin();
        await using var app = await TestApp.CreateAsync(user, "badyml");
        File.WriteAllText(source.Combine("wharf.yml"), "services:\n  web:\n    build: .\n    port: eighty\n");
        File.WriteAllText(source.Combine("Dockerfile"), "FROM debian:bookworm-slim\n");
        user.WorkingDirectory = source.Path;

        var deploy = await user.RunAsync("deploy", "-a", app.Name);
        var deployments = await user.RunAsync("deployments", "-a", app.Name, "--json");
        var builds = await user.RunAsync("builds", "-a", app.Name, "--json");

        Assert.True(deploy.ExitCode == 1, deploy.ToString());
        Assert.Contains("wharf.yml:4:11: port must be", deploy.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Uploading", deploy.Stdout, StringComparison.Ordinal);
        Assert.Empty(JsonSerializer.Deserialize<List<DeploymentInfo>>(deployments.Stdout, JsonSerializerOptions.Web)!);
        Assert.Empty(JsonSerializer.Deserialize<List<BuildInfo>>(builds.Stdout, JsonSerializerOptions.Web)!);
    }

    [Fact]
    public async Task Deploy_AppDoesNotExist_ExitsNotFoundSayingHowToCreateIt()
    {
        using var user = server.Admin();
        var name = AppNames.Unique("nosuch");

        var deploy = await user.RunAsync("deploy", RepoPaths.Example("hello"), "-a", name);

        Assert.True(deploy.ExitCode == 5, deploy.ToString());
        Assert.Equal($"App '{name}' does not exist: run `wharf apps create {name}`.", deploy.Stderr.Trim());
    }

    [Fact]
    public async Task Deploy_NoAppOption_UsesTheDirectoryName()
    {
        using var user = server.Admin();
        using var parent = new TempDirectory("wharf-dirname");
        var name = AppNames.Unique("dirname");
        var source = Directory.CreateDirectory(Path.Combine(parent.Path, name)).FullName;
        File.WriteAllText(Path.Combine(source, "wharf.yml"), "services:\n  web:\n    build: .\n");

        var deploy = await user.RunAsync("deploy", source);

        Assert.True(deploy.ExitCode == 5, deploy.ToString());
        Assert.Contains($"App '{name}' does not exist", deploy.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeployCancel_NothingRunning_ExitsErrorSayingSo()
    {
        using var user = server.Admin();
        await using var app = await TestApp.CreateAsync(user, "idle");

        var cancel = await user.RunAsync("deploy", "--cancel", "-a", app.Name);

        Assert.True(cancel.ExitCode == 1, cancel.ToString());
        Assert.Contains($"No deployment of {app.Name} is running", cancel.Stderr, StringComparison.Ordinal);
    }
}
