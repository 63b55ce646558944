using Wharf.Runtime.Docker.Engine.Streams;

namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>Running commands inside running containers.</summary>
public interface IDockerExec
{
    /// <summary>Prepares the command; nothing runs until <see cref="StartAsync"/>.</summary>
    Task<string> CreateAsync(string containerId, ExecSpec spec, CancellationToken ct = default);

    /// <summary>Runs a created exec and streams its output until it exits.</summary>
    IAsyncEnumerable<LogLine> StartAsync(string execId, bool tty = false, CancellationToken ct = default);

    /// <summary>
    /// Runs a created exec (made with <see cref="ExecSpec.AttachStdin"/> and no TTY) on a connection of its own:
    /// bytes written to the attachment reach the command's stdin, its stdout and stderr come back as raw chunks.
    /// </summary>
    Task<ExecAttachment> AttachAsync(string execId, CancellationToken ct = default);

    Task<ExecInspect?> InspectAsync(string execId, CancellationToken ct = default);

    /// <summary>Create, start, collect the output and read the exit code: the usual way to run a command.</summary>
    Task<ExecResult> RunAsync(string containerId, ExecSpec spec, CancellationToken ct = default);
}
