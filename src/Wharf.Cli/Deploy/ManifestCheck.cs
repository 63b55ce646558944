using Wharf.Manifest;

namespace Wharf.Cli.Deploy;

/// <summary>What the local look at wharf.yml found before a deploy.</summary>
/// <param name="FileName">The manifest's name inside the app directory: wharf.yml, or wharf.yaml.</param>
/// <param name="Manifest">The manifest, when it parsed with the variables at hand.</param>
/// <param name="Warnings">Variables not set here; the server fills them in from the app's config.</param>
/// <param name="Errors">Everything else: these stop the deploy before anything is uploaded.</param>
internal sealed record ManifestCheck(
    string FileName,
    AppManifest? Manifest,
    IReadOnlyList<ManifestError> Warnings,
    IReadOnlyList<ManifestError> Errors);
