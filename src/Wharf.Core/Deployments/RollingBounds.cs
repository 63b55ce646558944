using Wharf.Manifest;

namespace Wharf.Core.Deployments;

/// <summary>
/// How far a service's <c>deployment</c> bounds let a rollout stray from its scale count: at most
/// <see cref="Count"/> + <see cref="Surge"/> processes of the service run, and at least
/// <see cref="Count"/> - <see cref="Unavailable"/> ready ones stay in rotation.
/// </summary>
/// <param name="Count">The service's scale count (N).</param>
/// <param name="Surge">Processes that may run above the count: floor(N × (maximum − 100) / 100).</param>
/// <param name="Unavailable">Processes that may be out of rotation: N − ceil(N × minimum / 100).</param>
/// <param name="Nudged">True when the bounds allowed neither, so one extra process is used to make progress.</param>
public sealed record RollingBounds(int Count, int Surge, int Unavailable, bool Nudged)
{
    /// <summary>True when every new process may start before any old one stops: one table swap, no steps.</summary>
    public bool AllAtOnce => Surge >= Count;

    /// <summary>The fewest ready processes the service keeps in rotation.</summary>
    public int MinimumInRotation => Count - Unavailable;

    /// <summary>The most processes of the service that run at once.</summary>
    public int MaximumRunning => Count + Surge;

    public static RollingBounds For(ServiceDeployment deployment, int count)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var maximum = Math.Clamp(deployment.Maximum, 100, 200);
        var minimum = Math.Clamp(deployment.Minimum, 0, 100);
        var surge = count * (maximum - 100) / 100;
        var unavailable = count - ((count * minimum) + 99) / 100;
        return surge == 0 && unavailable == 0 && count > 0
            ? new RollingBounds(count, 1, 0, Nudged: true)
            : new RollingBounds(count, surge, unavailable, Nudged: false);
    }
}
