using Wharf.Core.Routing;
using Wharf.Router.Routing;

namespace Wharf.Router.Health;

/// <summary>
/// When a backend is checked next. A backend waiting for its first pass is checked at once and then every 250 ms,
/// so it enters rotation soon after it can serve. One that failed a check (in rotation still, or out) is checked
/// again within a second, so a real failure takes it out quickly and a recovery brings it back quickly. A healthy
/// one is checked every interval, jittered by ±10% so checks of many backends do not fall in step. An ejected one
/// is checked when its cool-off ends.
/// </summary>
internal static class CheckSchedule
{
    public static readonly TimeSpan PendingInterval = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    /// <param name="first">The first check since the backend's checks started (router start, or it joined the table).</param>
    public static TimeSpan NextDelay(BackendHealthView view, RouteHealth health, bool first)
    {
        ArgumentNullException.ThrowIfNull(health);
        if (view.CoolOffLeft > TimeSpan.Zero)
        {
            return view.CoolOffLeft;
        }

        if (view.Phase == BackendPhase.Pending)
        {
            return first ? TimeSpan.Zero : Min(PendingInterval, health.Interval);
        }

        if (!view.InRotation || view.Failures > 0)
        {
            return Min(RetryInterval, health.Interval);
        }

        // A healthy backend's first check lands anywhere in its first interval: a restarted router does not check all at once.
        return first ? health.Interval * Random.Shared.NextDouble() : health.Interval * (0.9 + (0.2 * Random.Shared.NextDouble()));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
