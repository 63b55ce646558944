using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Runtime;

namespace Wharf.Runtime.Docker.Tests.Runtime;

public sealed class ProcessIdentityTests
{
    private static readonly ProcessSpec _timer = new()
    {
        App = "shop",
        Service = "web",
        Release = 7,
        Image = "i",
        Kind = ProcessKind.Timer,
        Timer = "nightly",
        Port = 5000,
    };

    [Fact]
    public void TryRead_LabelsWrittenForASpec_GivesTheSameIdentityBack()
    {
        Assert.True(ProcessIdentity.TryRead(ProcessIdentity.Labels(_timer), out var identity));

        Assert.Equal(new ProcessIdentity("shop", "web", 7, ProcessKind.Timer, "nightly", 5000), identity);
    }

    [Theory]
    [InlineData("wharf.managed")]
    [InlineData("wharf.app")]
    [InlineData("wharf.service")]
    [InlineData("wharf.release")]
    [InlineData("wharf.kind")]
    public void TryRead_LabelMissing_IsNoProcess(string missing)
    {
        var labels = new Dictionary<string, string>(ProcessIdentity.Labels(_timer));
        labels.Remove(missing);

        Assert.False(ProcessIdentity.TryRead(labels, out _));
    }

    [Fact]
    public void TryRead_ReleaseNotANumber_IsNoProcess()
    {
        var labels = new Dictionary<string, string>(ProcessIdentity.Labels(_timer)) { ["wharf.release"] = "latest" };

        Assert.False(ProcessIdentity.TryRead(labels, out _));
    }

    [Fact]
    public void AddressOn_RunningWithAnIpOnTheAppNetwork_IsIpAndPort()
    {
        var identity = new ProcessIdentity("shop", "web", 7, ProcessKind.Service, null, 5000);
        var networks = new Dictionary<string, EndpointSettings>
        {
            ["bridge"] = new() { IpAddress = "172.17.0.9" },
            ["wharf-shop"] = new() { IpAddress = "172.20.0.3" },
        };

        Assert.Equal("172.20.0.3:5000", identity.AddressOn(networks, ProcessState.Running));
        Assert.Null(identity.AddressOn(networks, ProcessState.Exited));
        Assert.Null((identity with { Port = null }).AddressOn(networks, ProcessState.Running));
        Assert.Null((identity with { App = "other" }).AddressOn(networks, ProcessState.Running));
    }
}
