using Wharf.Core.Deployments;
using Wharf.Manifest;

namespace Wharf.Core.Tests.Deployments;

public sealed class RollingBoundsTests
{
    [Theory]
    [InlineData(4, 100, 150, 2, 0, false)]
    [InlineData(10, 100, 120, 2, 0, false)]
    [InlineData(3, 100, 134, 1, 0, false)]
    [InlineData(4, 50, 100, 0, 2, false)]
    [InlineData(3, 50, 100, 0, 1, false)]
    [InlineData(4, 50, 150, 2, 2, false)]
    [InlineData(1, 0, 100, 0, 1, false)]
    [InlineData(4, 100, 200, 4, 0, false)]
    [InlineData(7, 0, 200, 7, 7, false)]
    public void For_Bounds_GiveSurgeAndUnavailable(int count, int minimum, int maximum, int surge, int unavailable, bool nudged)
    {
        var bounds = RollingBounds.For(new ServiceDeployment { Minimum = minimum, Maximum = maximum }, count);

        Assert.Equal(new RollingBounds(count, surge, unavailable, nudged), bounds);
    }

    [Theory]
    [InlineData(1, 100, 150)]
    [InlineData(4, 100, 110)]
    [InlineData(3, 90, 100)]
    [InlineData(5, 100, 100)]
    public void For_BoundsAllowNoProgress_UseOneExtraProcess(int count, int minimum, int maximum)
    {
        var bounds = RollingBounds.For(new ServiceDeployment { Minimum = minimum, Maximum = maximum }, count);

        Assert.Equal(new RollingBounds(count, 1, 0, Nudged: true), bounds);
        Assert.Equal((count + 1, count), (bounds.MaximumRunning, bounds.MinimumInRotation));
    }

    [Theory]
    [InlineData(1, 100, 200, true)]
    [InlineData(4, 100, 200, true)]
    [InlineData(4, 50, 200, true)]
    [InlineData(4, 100, 199, false)]
    [InlineData(10, 100, 120, false)]
    [InlineData(1, 100, 150, true)]
    [InlineData(2, 100, 150, false)]
    public void AllAtOnce_SurgeCoversTheCount_OnlyThen(int count, int minimum, int maximum, bool allAtOnce)
    {
        var bounds = RollingBounds.For(new ServiceDeployment { Minimum = minimum, Maximum = maximum }, count);

        Assert.Equal(allAtOnce, bounds.AllAtOnce);
    }

    [Fact]
    public void For_DefaultBounds_AreAllAtOnce()
    {
        Assert.True(RollingBounds.For(new ServiceDeployment(), 25).AllAtOnce);
    }
}
