namespace Wharf.Core.Api;

/// <summary>A resource's URL with its password: what `wharf resources url` prints. Needs the deploy role.</summary>
/// <param name="External">True when the URL comes from the app's config (NAME_URL) rather than a resource Wharf runs.</param>
public sealed record ResourceUrlInfo(string Name, string Url, bool External);
