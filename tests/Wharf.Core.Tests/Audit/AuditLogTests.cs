using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Audit;

public sealed class AuditLogTests
{
    private readonly CoreHarness _core = new();

    [Fact]
    public async Task ListAsync_ByApp_OnlyThatAppsEventsNewestFirst()
    {
        await _core.CreateAppAsync("hello");
        await _core.CreateAppAsync("hello2");
        await _core.SetAsync("hello", ("FOO", "1"));

        var events = await _core.Audit.ListAsync(limit: null, app: "hello");

        Assert.Equal(
            ["releases.promote", "releases.create", "env.set", "apps.create"],
            events.Select(e => e.Action));
        Assert.True(events[0].At > events[^1].At);
    }

    [Fact]
    public async Task ListAsync_Limit_TakesTheNewest()
    {
        await _core.CreateAppAsync("a");
        await _core.CreateAppAsync("b");
        await _core.CreateAppAsync("c");

        var events = await _core.Audit.ListAsync(limit: 2, app: null);

        Assert.Equal(["c", "b"], events.Select(e => e.Target));
    }
}
