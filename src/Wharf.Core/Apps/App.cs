namespace Wharf.Core.Apps;

/// <summary>An application: the unit that is deployed, configured and released.</summary>
/// <param name="CurrentRelease">The version of the active release, or null before the first release.</param>
public sealed record App(string Name, DateTimeOffset CreatedAt, int? CurrentRelease);
