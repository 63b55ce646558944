using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Runtime;

[Trait("Category", TestCategories.Docker)]
[Collection(RuntimeTestGroup.Name)]
public sealed class ProcessStartTests(RuntimeFixture fixture) : RuntimeTest(fixture)
{
    [Fact]
    public async Task StartAsync_WebService_RunsLabelledAndAnswersHttpOnItsAddress()
    {
        var process = await Runtime.StartAsync(Web(5000), Timeout);

        Assert.Equal(ProcessState.Running, process.State);
        Assert.Matches("^[0-9a-f]{12}$", process.Id);
        Assert.Equal((App, "web", 1, ProcessKind.Service), (process.App, process.Service, process.Release, process.Kind));
        Assert.NotNull(process.StartedAt);
        Assert.Null(process.ExitCode);
        Assert.Equal(WebCommand, process.Command);
        Assert.EndsWith(":5000", process.Address, StringComparison.Ordinal);
        Assert.Equal(RuntimeFixture.Greeting, (await HttpGetAsync(process.Address!, "/")).Trim());
        var container = await Fixture.Client.Containers.InspectAsync(process.Id, Timeout);
        Assert.Matches($"^/wharf-{App}-web-r1-[0-9a-f]{{6}}$", container!.Name);
        var labels = container.Config.Labels!;
        Assert.Equal("1", labels["wharf.managed"]);
        Assert.Equal(App, labels["wharf.app"]);
        Assert.Equal("web", labels["wharf.service"]);
        Assert.Equal("1", labels["wharf.release"]);
        Assert.Equal("service", labels["wharf.kind"]);
        Assert.Equal("5000", labels["wharf.port"]);
        Assert.False(labels.ContainsKey("wharf.timer"));
        Assert.Equal("no", container.HostConfig.RestartPolicy!.Name);
        Assert.Null(container.HostConfig.PortBindings);
        Assert.Equal("SIGTERM", container.Config.StopSignal);
    }

    [Fact]
    public async Task StartAsync_EnvironmentGiven_AddsThePlatformsFourWhichWinOverTheApps()
    {
        var spec = Web(5000) with
        {
            Command = ["sh", "-c", "env > /www/env.txt; exec busybox httpd -f -p $PORT -h /www"],
            Environment = new Dictionary<string, string>
            {
                ["GREETING"] = "hello world",
                ["PORT"] = "1",
                ["APP"] = "someone-else",
            },
        };

        var process = await Runtime.StartAsync(spec, Timeout);

        var env = (await HttpGetAsync(process.Address!, "/env.txt")).Split('\n');
        Assert.Contains("GREETING=hello world", env);
        Assert.Contains("PORT=5000", env);
        Assert.Contains($"APP={App}", env);
        Assert.Contains("SERVICE=web", env);
        Assert.Contains("RELEASE=1", env);
    }

    [Fact]
    public async Task StartAsync_SecondService_ReachesWebByTheServiceName()
    {
        await Runtime.StartAsync(Web(5000), Timeout);
        var worker = await Runtime.StartAsync(Spec("worker", "sleep", "300"), Timeout);
        var output = new List<ProcessOutput>();

        var exitCode = await Runtime.ExecAsync(
            worker.Id,
            ["busybox", "wget", "-qO-", "http://web:5000/"],
            (line, _) =>
            {
                output.Add(line);
                return Task.CompletedTask;
            },
            Timeout);

        Assert.Equal(0, exitCode);
        Assert.Contains(output, l => l.Stream == OutputChannel.Stdout && l.Text == RuntimeFixture.Greeting);
    }

    [Fact]
    public async Task StartAsync_OneOffAndTimer_AreNamedAndLabelledByKindWithoutTheServiceAlias()
    {
        var oneOff = await Runtime.StartAsync(Spec("web", "sleep", "300") with { Kind = ProcessKind.OneOff }, Timeout);
        var timer = await Runtime.StartAsync(Spec("web", "sleep", "300") with { Kind = ProcessKind.Timer, Timer = "nightly" }, Timeout);

        Assert.Equal((ProcessKind.OneOff, null), (oneOff.Kind, oneOff.Timer));
        Assert.Equal((ProcessKind.Timer, "nightly"), (timer.Kind, timer.Timer));
        var oneOffContainer = await Fixture.Client.Containers.InspectAsync(oneOff.Id, Timeout);
        var timerContainer = await Fixture.Client.Containers.InspectAsync(timer.Id, Timeout);
        Assert.Matches($"^/wharf-{App}-web-r1-run-[0-9a-f]{{6}}$", oneOffContainer!.Name);
        Assert.Matches($"^/wharf-{App}-web-r1-timer-nightly-[0-9a-f]{{6}}$", timerContainer!.Name);
        Assert.Equal("oneoff", oneOffContainer.Config.Labels!["wharf.kind"]);
        Assert.Equal("timer", timerContainer.Config.Labels!["wharf.kind"]);
        Assert.Equal("nightly", timerContainer.Config.Labels["wharf.timer"]);
        Assert.DoesNotContain("web", oneOffContainer.NetworkSettings.Networks![$"wharf-{App}"].Aliases ?? []);
        Assert.DoesNotContain("web", timerContainer.NetworkSettings.Networks![$"wharf-{App}"].Aliases ?? []);
    }

    [Fact]
    public async Task StartAsync_LimitsGiven_ContainerHasThem()
    {
        var spec = Spec("worker", "sleep", "300") with { MemoryBytes = 64L * 1024 * 1024, CpuMillicores = 500 };

        var process = await Runtime.StartAsync(spec, Timeout);

        var container = await Fixture.Client.Containers.InspectAsync(process.Id, Timeout);
        Assert.Equal(64L * 1024 * 1024, container!.HostConfig.Memory);
        Assert.Equal(500_000_000, container.HostConfig.NanoCpus);
    }

    [Fact]
    public async Task StartAsync_ManyAtOnceForANewApp_ShareOneNetwork()
    {
        var processes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Runtime.StartAsync(Spec("worker", "sleep", "300"), Timeout)));

        var networks = await Fixture.Client.Networks.ListAsync(DockerFilters.WithLabel("wharf.app", App), Timeout);
        var network = Assert.Single(networks);
        Assert.Equal($"wharf-{App}", network.Name);
        Assert.Equal("1", network.Labels!["wharf.managed"]);
        Assert.All(processes, p => Assert.Equal(ProcessState.Running, p.State));
    }

    [Fact]
    public async Task StartAsync_NetworkRemovedBehindWharfsBack_MakesItAgainAndStarts()
    {
        var first = await Runtime.StartAsync(Spec("worker", "sleep", "300"), Timeout);
        await Runtime.StopAsync(first.Id, TimeSpan.Zero, Timeout);
        await Fixture.Client.Networks.RemoveAsync($"wharf-{App}", Timeout);

        var second = await Runtime.StartAsync(Spec("worker", "sleep", "300"), Timeout);

        Assert.Equal(ProcessState.Running, second.State);
        Assert.NotNull(await Fixture.Client.Networks.InspectAsync($"wharf-{App}", Timeout));
    }

    [Fact]
    public async Task StartAsync_UnknownImage_ThrowsAndLeavesNoProcess()
    {
        var spec = Spec("web") with { Image = $"wharf-test/runtime-{Fixture.RunId}-missing:1" };

        var error = await Assert.ThrowsAsync<DockerEngineException>(() => Runtime.StartAsync(spec, Timeout));

        Assert.StartsWith($"image {spec.Image} not found", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Runtime.ListAsync(App, Timeout));
    }

    private static async Task<string> HttpGetAsync(string address, string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                return await http.GetStringAsync(new Uri($"http://{address}{path}"), Timeout);
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
            {
                // httpd starts listening a moment after the container starts.
                await Task.Delay(100);
            }
        }
    }
}
