using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Runtime;

namespace Wharf.Runtime.Docker.Tests.Runtime;

public sealed class ContainerNamesTests
{
    private static readonly ProcessSpec _web = new() { App = "shop", Service = "web", Release = 12, Image = "wharf/shop-web:3" };

    [Fact]
    public void Container_ServiceProcess_NamesAppServiceAndRelease() =>
        Assert.Equal("wharf-shop-web-r12-a1b2c3", ContainerNames.Container(_web, "a1b2c3"));

    [Fact]
    public void Container_OneOff_SaysRun() =>
        Assert.Equal("wharf-shop-web-r12-run-a1b2c3", ContainerNames.Container(_web with { Kind = ProcessKind.OneOff }, "a1b2c3"));

    [Fact]
    public void Container_Timer_SaysWhichTimer() =>
        Assert.Equal(
            "wharf-shop-web-r12-timer-nightly-a1b2c3",
            ContainerNames.Container(_web with { Kind = ProcessKind.Timer, Timer = "nightly" }, "a1b2c3"));

    [Fact]
    public void Container_Random_SixHexDigitsThatDiffer()
    {
        var first = ContainerNames.Container(_web);
        var second = ContainerNames.Container(_web);

        Assert.Matches("^wharf-shop-web-r12-[0-9a-f]{6}$", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Network_App_IsPrefixed() => Assert.Equal("wharf-shop", ContainerNames.Network("shop"));
}
