using Wharf.Manifest;

namespace Wharf.Core.Resources;

/// <summary>A resource's container as the runtime sees it.</summary>
/// <param name="Id">The runtime's id for it.</param>
/// <param name="Fingerprint">The <see cref="ResourceSpec.Fingerprint"/> it was created from.</param>
/// <param name="RestartCount">How often the engine restarted it after it exited.</param>
/// <param name="ExitCode">The last exit code, for a container that is not running.</param>
/// <param name="Volume">The named volume holding its data.</param>
public sealed record ResourceInstance(
    string Id,
    string App,
    string Name,
    ResourceType Type,
    string Image,
    string Fingerprint,
    ResourceState State,
    int RestartCount,
    int? ExitCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    string Volume);
