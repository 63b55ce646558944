using Wharf.Runtime.Docker.Engine.Streams;

namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>Running commands inside running containers.</summary>
public interface IDockerExec
{
    /// <summary>Prepares the command; nothing runs until <see cref="StartAsync"/>.</summary>
    Task<string> CreateAsync(string containerId, ExecSpec spec, CancellationToken ct = default);

    /// <summary>Runs a created exec and streams its output until it exits.</summary>
    IAsyncEnumerable<LogLine> StartAsync(string execId, bool tty = false, CancellationToken ct = default);

    Task<ExecInspect?> InspectAsync(string execId, CancellationToken ct = default);

    /// <summary>Create, start, collect the output and read the exit code: the usual way to run a command.</summary>
    Task<ExecResult> RunAsync(string containerId, ExecSpec spec, CancellationToken ct = default);
}
