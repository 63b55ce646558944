using Wharf.Core.Apps;

namespace Wharf.Core.Tests.Apps;

public sealed class AppLocksTests
{
    private readonly AppLocks _locks = new();

    [Fact]
    public async Task AcquireAsync_SameAppHeld_WaitsForRelease()
    {
        var first = await _locks.AcquireAsync("hello");

        var second = _locks.AcquireAsync("hello");
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_OtherApp_DoesNotWait()
    {
        using var held = await _locks.AcquireAsync("hello");

        var other = _locks.AcquireAsync("world");

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task Dispose_Twice_ReleasesOnce()
    {
        var held = await _locks.AcquireAsync("hello");
        held.Dispose();
        held.Dispose();

        using var again = await _locks.AcquireAsync("hello");
        var third = _locks.AcquireAsync("hello");

        Assert.False(third.IsCompleted);
    }
}
