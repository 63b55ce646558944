namespace Wharf.Core.Api;

/// <summary>One of an app's resources, as `wharf resources` shows it. Never holds a password: the URL is masked.</summary>
/// <param name="Type">"postgres" or "redis".</param>
/// <param name="Status">
/// "running", "restarting", "stopped", "external" (its URL is set in the app's config), "not started" (declared,
/// not deployed yet) or "no container" (data kept, no longer declared).
/// </param>
/// <param name="Declared">Whether the current release's wharf.yml declares it.</param>
/// <param name="Services">The services of the current release linked to it.</param>
/// <param name="Url">The URL the services get, with the password masked.</param>
/// <param name="Volume">The volume holding its data, when there is one.</param>
/// <param name="StorageBytes">The storage size wharf.yml asks for (not a limit with the local volume driver).</param>
/// <param name="DataBytes">What its data uses now; filled in by `resources info` for a running resource.</param>
public sealed record ResourceInfo(
    string Name,
    string Type,
    string? Version,
    string Status,
    bool Declared,
    IReadOnlyList<string> Services,
    string? Url,
    string? Volume,
    string? Image,
    bool? Durable,
    long? StorageBytes,
    long? DataBytes,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? StartedAt);
