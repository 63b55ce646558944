namespace Wharf.Core.Deployments;

/// <summary>The manifest found in an uploaded source tar.</summary>
/// <param name="Name">"wharf.yml" (or "wharf.yaml"), as errors name it.</param>
public sealed record ManifestFile(string Name, string Text);
