namespace Wharf.Core.Resources;

/// <summary>A resource's options from wharf.yml, checked and with their defaults filled in.</summary>
/// <param name="Version">The image tag: "15" runs postgres:15.</param>
/// <param name="StorageBytes">The size the user asked for; shown against what the data uses (the local volume driver sets no limit).</param>
/// <param name="Durable">Redis only: keep the data on disk (append-only file) rather than in memory alone.</param>
public sealed record ResourceSettings(string Version, long? StorageBytes, bool Durable);
