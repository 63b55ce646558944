namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>POST /containers/{id}/exec's body.</summary>
internal sealed record ExecCreateBody
{
    public bool AttachStdin { get; init; }

    public bool AttachStdout { get; init; } = true;

    public bool AttachStderr { get; init; } = true;

    public bool Tty { get; init; }

    public required IReadOnlyList<string> Cmd { get; init; }

    public IReadOnlyList<string>? Env { get; init; }

    public string? User { get; init; }

    public string? WorkingDir { get; init; }

    public static ExecCreateBody From(ExecSpec spec) => new()
    {
        AttachStdin = spec.AttachStdin,
        Tty = spec.Tty,
        Cmd = spec.Cmd,
        Env = spec.Env.Count == 0 ? null : [.. spec.Env.Select(kv => $"{kv.Key}={kv.Value}")],
        User = spec.User,
        WorkingDir = spec.WorkingDir,
    };
}
