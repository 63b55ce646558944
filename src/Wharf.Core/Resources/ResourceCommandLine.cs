namespace Wharf.Core.Resources;

/// <summary>A command run inside a resource's container, with the variables it needs (never logged: they may hold a password).</summary>
public sealed record ResourceCommandLine(IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Text sent to the command's stdin; null to send nothing.</summary>
    public string? Input { get; init; }

    public override string ToString() => string.Join(' ', Arguments);
}
