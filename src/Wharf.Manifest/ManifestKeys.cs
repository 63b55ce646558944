namespace Wharf.Manifest;

/// <summary>The keys and words wharf.yml accepts, section by section.</summary>
/// <remarks>The parser rejects anything else, and a test keeps wharf.schema.json listing exactly these.</remarks>
public static class ManifestKeys
{
    public static IReadOnlyList<string> TopLevel { get; } = ["environment", "services", "resources", "timers"];

    public static IReadOnlyList<string> Service { get; } =
    [
        "build", "image", "command", "port", "domain", "environment", "health", "scale",
        "resources", "termination", "deployment", "internal", "singleton", "timeout",
    ];

    public static IReadOnlyList<string> Build { get; } = ["path", "dockerfile", "args"];

    public static IReadOnlyList<string> Health { get; } = ["path", "interval", "timeout", "grace"];

    public static IReadOnlyList<string> Scale { get; } = ["count", "min", "max", "cpu", "memory"];

    public static IReadOnlyList<string> Termination { get; } = ["grace"];

    public static IReadOnlyList<string> Deployment { get; } = ["minimum", "maximum"];

    public static IReadOnlyList<string> Resource { get; } = ["type", "options"];

    public static IReadOnlyList<string> Timer { get; } = ["schedule", "command", "service", "concurrency"];

    /// <summary>The values of a resource's <c>type</c>, one per <see cref="ResourceType"/>.</summary>
    public static IReadOnlyList<string> ResourceTypes { get; } = ["postgres", "redis"];

    /// <summary>The values of a timer's <c>concurrency</c>, one per <see cref="TimerConcurrency"/>.</summary>
    public static IReadOnlyList<string> TimerConcurrencies { get; } = ["forbid", "allow", "replace"];
}
