using Wharf.Core.Crypto;

namespace Wharf.Core.Config;

/// <summary>One immutable version of an app's config (environment variables), stored only encrypted.</summary>
/// <param name="Version">Per-app version number, starting at 1.</param>
public sealed record EnvVersion(string App, int Version, SealedBox Sealed, DateTimeOffset CreatedAt);
