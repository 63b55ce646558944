namespace Wharf.Core.Tests.Fakes;

/// <summary>A clock that starts at a fixed instant and moves one second per reading, so order is visible.</summary>
public sealed class FakeClock : TimeProvider
{
    private DateTimeOffset _now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        _now = _now.AddSeconds(1);
        return _now;
    }
}
