using Wharf.Core.Releases;
using Wharf.Manifest;

namespace Wharf.Core.Deployments;

/// <summary>What a rollout starts: the release, its parsed manifest, its decrypted env (memory only) and its build's images.</summary>
public sealed record RolloutPlan(
    Release Release,
    AppManifest Manifest,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyDictionary<string, string> Images);
