using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Engine.Containers;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>Reads an exec's exit code once its output has ended.</summary>
internal static class ExecExitCodes
{
    // The output stream can close a moment before the engine records the exit code.
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan _poll = TimeSpan.FromMilliseconds(50);

    public static async Task<int> WaitAsync(IDockerExec exec, string execId, string processId, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + _wait;
        while (true)
        {
            var inspect = await exec.InspectAsync(execId, ct)
                ?? throw new DockerEngineException($"The command in process {processId} lost its exit code: was the process removed while it ran?");
            if (!inspect.Running && inspect.ExitCode is { } code)
            {
                return code;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new DockerEngineException(
                    $"The command in process {processId} closed its output but the engine reported no exit code within {_wait.TotalSeconds:0} s.");
            }

            await Task.Delay(_poll, ct);
        }
    }
}
