namespace Wharf.Manifest;

/// <summary>A command to run in a container.</summary>
/// <remarks>
/// A string in wharf.yml runs through <c>/bin/sh -c</c> so pipes and <c>$VAR</c> work, as a Dockerfile's shell form does;
/// a list runs as-is without a shell. Either way <see cref="Arguments"/> is the argv to hand to the runtime.
/// </remarks>
public sealed record ManifestCommand
{
    public required IReadOnlyList<string> Arguments { get; init; }

    public bool UsesShell { get; init; }

    public static ManifestCommand Shell(string command) => new() { Arguments = ["/bin/sh", "-c", command], UsesShell = true };

    public static ManifestCommand Exec(IReadOnlyList<string> arguments) => new() { Arguments = arguments };

    public override string ToString() => UsesShell ? Arguments[^1] : string.Join(' ', Arguments);
}
