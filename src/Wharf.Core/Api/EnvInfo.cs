namespace Wharf.Core.Api;

/// <summary>An app's current config. Values are "********" unless <paramref name="Revealed"/>.</summary>
/// <param name="Version">The env version, or null when the app has no config yet.</param>
public sealed record EnvInfo(string App, int? Version, IReadOnlyDictionary<string, string> Values, bool Revealed);
