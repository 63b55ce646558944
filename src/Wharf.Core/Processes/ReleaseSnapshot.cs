using Wharf.Core.Builds;
using Wharf.Core.Releases;
using Wharf.Core.Resources;
using Wharf.Core.Runtime;
using Wharf.Manifest;

namespace Wharf.Core.Processes;

/// <summary>Everything needed to start a release's processes: the release, its build's images, its parsed manifest and its decrypted env.</summary>
/// <remarks>Holds plaintext config: keep it for the duration of one operation, never cache or log it.</remarks>
public sealed record ReleaseSnapshot(Release Release, Build? Build, AppManifest Manifest, IReadOnlyDictionary<string, string> Env)
{
    public string App => Release.App;

    public IReadOnlyDictionary<string, string> Images => Build?.Images ?? new Dictionary<string, string>();

    /// <summary>The app's provisioned resources, linked into the specs of the services that name them.</summary>
    public IReadOnlyDictionary<string, ResourceLink> Resources { get; init; } = ResourceLink.None;

    /// <summary>The process spec of one of the release's services; see <see cref="ProcessSpecFactory.Create"/>.</summary>
    public ProcessSpec Spec(string service, ProcessKind kind = ProcessKind.Service, string? timer = null, IReadOnlyList<string>? command = null) =>
        ProcessSpecFactory.Create(Release, service, Env, Manifest, Images, kind, timer, command, Resources);

    /// <summary>The service's grace between SIGTERM and SIGKILL, or <paramref name="fallback"/> for a service the manifest no longer has.</summary>
    public TimeSpan GraceFor(string service, TimeSpan fallback) =>
        Manifest.Services.TryGetValue(service, out var definition) ? definition.Termination.Grace : fallback;
}
