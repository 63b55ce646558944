using Wharf.Core.Runtime;
using Wharf.Manifest;

namespace Wharf.Core.Deployments;

/// <summary>One service for <see cref="RollingRollout"/> to roll in steps, with the rollout's own ways to start and wait.</summary>
/// <param name="Plan">The rollout's plan (its release is the new one).</param>
/// <param name="Service">The service rolled.</param>
/// <param name="Image">Its image, for the log.</param>
/// <param name="Bounds">Its bounds; never all-at-once.</param>
/// <param name="Start">Starts the new process numbered (1-based) out of the count.</param>
/// <param name="Wait">Waits until every process given is ready; throws <see cref="DeploymentFailedException"/> with the first failure.</param>
/// <param name="Started">The rollout's new processes: each started one is added at once, so a failure removes it.</param>
/// <param name="Retired">The old processes the rollout has stopped: each is added once stopped.</param>
public sealed record RollingRequest(
    RolloutPlan Plan,
    ServiceManifest Service,
    string Image,
    RollingBounds Bounds,
    Func<int, Task<RuntimeProcess>> Start,
    Func<List<RuntimeProcess>, Task> Wait,
    List<RuntimeProcess> Started,
    List<RuntimeProcess> Retired);
