using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Runtime;

namespace Wharf.Runtime.Docker.Tests.Runtime;

public sealed class ProcessContainerSpecTests
{
    private static readonly ProcessSpec _web = new()
    {
        App = "shop",
        Service = "web",
        Release = 4,
        Image = "wharf/shop-web:9",
        Port = 5000,
        Environment = new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://db", ["PORT"] = "80", ["RELEASE"] = "x" },
        MemoryBytes = 256L * 1024 * 1024,
        CpuMillicores = 250,
    };

    [Fact]
    public void From_Service_CarriesEnvLabelsLimitsNetworkAndAlias()
    {
        var spec = ProcessContainerSpec.From(_web, "wharf-shop-web-r4-abcdef");

        Assert.Equal(("wharf/shop-web:9", "wharf-shop-web-r4-abcdef"), (spec.Image, spec.Name));
        Assert.Equal("postgres://db", spec.Env["DATABASE_URL"]);
        Assert.Equal(("5000", "shop", "web", "4"), (spec.Env["PORT"], spec.Env["APP"], spec.Env["SERVICE"], spec.Env["RELEASE"]));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["wharf.managed"] = "1",
                ["wharf.app"] = "shop",
                ["wharf.service"] = "web",
                ["wharf.release"] = "4",
                ["wharf.kind"] = "service",
                ["wharf.port"] = "5000",
            },
            spec.Labels);
        Assert.Equal(("wharf-shop", "web"), (spec.Network, Assert.Single(spec.NetworkAliases)));
        Assert.Equal((256L * 1024 * 1024, 0.25), (spec.MemoryBytes, spec.Cpus));
        Assert.Null(spec.Cmd);
        Assert.Empty(spec.Ports);
        Assert.Equal("SIGTERM", spec.StopSignal);
    }

    [Fact]
    public void From_TimerWithCommandAndNoPort_HasNoAliasNoPortButTheTimerLabel()
    {
        var timer = _web with { Kind = ProcessKind.Timer, Timer = "nightly", Command = ["rake", "cleanup"], Port = null };

        var spec = ProcessContainerSpec.From(timer, "n");

        Assert.Equal(["rake", "cleanup"], spec.Cmd);
        Assert.Empty(spec.NetworkAliases);
        Assert.Equal(("timer", "nightly"), (spec.Labels["wharf.kind"], spec.Labels["wharf.timer"]));
        Assert.False(spec.Labels.ContainsKey("wharf.port"));
        Assert.Equal("80", spec.Env["PORT"]);
    }

    [Fact]
    public void From_OneOff_HasNoAlias() =>
        Assert.Empty(ProcessContainerSpec.From(_web with { Kind = ProcessKind.OneOff }, "n").NetworkAliases);
}
