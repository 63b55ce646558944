namespace Wharf.Manifest;

/// <summary>An environment variable the app expects: <c>KEY</c> (must be set) or <c>KEY=default</c>.</summary>
/// <param name="Default">The value used when the app's config does not set the key; null means the key is required.</param>
public sealed record EnvDeclaration(string Key, string? Default = null)
{
    public override string ToString() => Default is null ? Key : $"{Key}={Default}";
}
