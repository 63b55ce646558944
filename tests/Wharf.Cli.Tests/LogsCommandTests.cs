using System.Text.Json;
using Wharf.Cli.Tests.Infrastructure;
using Wharf.Core.Api;

namespace Wharf.Cli.Tests;

/// <summary>`wharf logs` against a real server.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class LogsCommandTests(ServerFixture server)
{
    [Fact]
    public async Task Logs_UnknownApp_ExitsNotFoundSayingSo()
    {
        using var user = server.Admin();

        var logs = await user.RunAsync("logs", "-a", AppNames.Unique("nope"));

        Assert.True(logs.ExitCode == 5, logs.ToString());
        Assert.Contains("does not exist", logs.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_NewApp_PrintsNothingAndExitsZero()
    {
        using var user = server.Admin();
        await using var app = await TestApp.CreateAsync(user, "quiet");

        var logs = await user.RunAsync("logs", "-a", app.Name, "--since", "1h");

        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Equal("", logs.Stdout);
    }

    [Fact]
    public async Task Forward_SetShowOff_SaysWhereTheLogGoes()
    {
        using var user = server.Admin();
        await using var app = await TestApp.CreateAsync(user, "fwd");

        var set = await user.RunAsync("logs", "forward", "-a", app.Name, "tcp://127.0.0.1:6514");
        var show = await user.RunAsync("logs", "forward", "-a", app.Name, "--json");
        var off = await user.RunAsync("logs", "forward", "-a", app.Name, "--off");

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Equal($"The log of {app.Name} is forwarded to tcp://127.0.0.1:6514 (RFC 5424 over TCP).", set.Stdout.Trim());
        Assert.Equal("tcp://127.0.0.1:6514", JsonSerializer.Deserialize<LogForwardInfo>(show.Stdout, JsonSerializerOptions.Web)!.Url);
        Assert.Equal($"The log of {app.Name} is not forwarded.", off.Stdout.Trim());
    }

    [Fact]
    [Trait("Category", "Docker")]
    public async Task Logs_DeployedApp_PrintsItsLinesAndTheDeployEventsFilteredAsAsked()
    {
        using var user = server.Admin();
        await using var app = await TestApp.CreateAsync(user, "logs");
        using var source = new TempDirectory("wharf-logs-app");
        File.WriteAllText(source.Combine("wharf.yml"), "services:\n  worker:\n    image: debian:bookworm-slim\n    command: sh -c 'echo hello-from-worker; echo oops >&2; sleep 300'\n    termination:\n      grace: 1s\n");
        var deploy = await user.RunAsync("deploy", source.Path, "-a", app.Name);
        Assert.True(deploy.ExitCode == 0, deploy.ToString());

        var found = await Eventually.TrueAsync(
            async () => (await user.RunAsync("logs", "-a", app.Name, "--filter", "hello-from")).Stdout.Contains("hello-from-worker", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        var worker = await user.RunAsync("logs", "-a", app.Name, "--filter", "hello-from", "--since", "10m");
        var stderr = await user.RunAsync("logs", "-a", app.Name, "--source", "stderr", "--json");
        var events = await user.RunAsync("logs", "-a", app.Name, "--source", "event");
        var system = await user.RunAsync("logs", "--system", "--filter", $"[{app.Name}]");

        Assert.True(found, (await user.RunAsync("logs", "-a", app.Name)).ToString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z worker/[0-9a-f]{12}\[1\] hello-from-worker$", worker.Stdout.Trim());
        var line = JsonSerializer.Deserialize<LogLineInfo>(stderr.Stdout.Trim(), JsonSerializerOptions.Web)!;
        Assert.Equal(("stderr", "worker", 1, "oops"), (line.Source, line.Service, line.Release, line.Text));
        Assert.Contains("wharf[1] Deployment 1 (deploy) succeeded: release 1 is current", events.Stdout, StringComparison.Ordinal);
        Assert.Contains($"[{app.Name}] Deployment 1 (deploy) started", system.Stdout, StringComparison.Ordinal);
    }
}
