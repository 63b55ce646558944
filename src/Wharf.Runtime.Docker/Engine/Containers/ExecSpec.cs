namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>A command to run inside a running container (one-off admin tasks, health probes).</summary>
public sealed record ExecSpec
{
    public required IReadOnlyList<string> Cmd { get; init; }

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    public string? User { get; init; }

    public string? WorkingDir { get; init; }

    /// <summary>With a TTY the output is one raw stream: stdout and stderr can no longer be told apart.</summary>
    public bool Tty { get; init; }

    /// <summary>Connects the command's stdin, for <see cref="IDockerExec.AttachAsync"/>; without it the command reads EOF.</summary>
    public bool AttachStdin { get; init; }
}
