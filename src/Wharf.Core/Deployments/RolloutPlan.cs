using Wharf.Core.Releases;
using Wharf.Manifest;

namespace Wharf.Core.Deployments;

/// <summary>What a rollout starts: the release, its parsed manifest, its decrypted env (memory only) and its build's images.</summary>
public sealed record RolloutPlan(
    Release Release,
    AppManifest Manifest,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyDictionary<string, string> Images)
{
    private static readonly TimeSpan _defaultGrace = new ServiceTermination().Grace;

    /// <summary>How long a process of <paramref name="service"/> gets to finish its requests and to stop; the default for a service this manifest no longer has.</summary>
    public TimeSpan GraceOf(string service) =>
        Manifest.Services.TryGetValue(service, out var definition) ? definition.Termination.Grace : _defaultGrace;
}
