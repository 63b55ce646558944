namespace Wharf.Manifest;

/// <summary>The outcome of loading a manifest: either a manifest or every problem found in it.</summary>
/// <param name="Manifest">The parsed manifest; null whenever there is at least one error, so nobody deploys a half-read file.</param>
/// <param name="Errors">Every problem, ordered by line and column.</param>
public sealed record ManifestResult(AppManifest? Manifest, IReadOnlyList<ManifestError> Errors)
{
    public bool IsValid => Errors.Count == 0 && Manifest is not null;
}
