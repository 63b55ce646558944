namespace Wharf.Runtime.Docker.Runtime;

/// <summary>
/// Process ids are container ids cut to 12 hex digits, as `docker ps` shows them. Ids reach the runtime from
/// API paths, so anything that is not hex is refused here rather than pasted into an engine URL.
/// </summary>
internal static class ProcessIds
{
    public const int Length = 12;

    public static string FromContainerId(string containerId) =>
        containerId.Length > Length ? containerId[..Length] : containerId;

    /// <summary>A 12 to 64 digit lowercase hex id: a short or full container id.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: >= Length and <= 64 } && id.All(char.IsAsciiHexDigitLower);
}
