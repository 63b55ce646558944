using System.Text;

namespace Wharf.Core.Resources;

/// <summary>Runs short commands (checks, password changes, du) inside a resource and collects what they print.</summary>
public static class ResourceCommands
{
    // Checks print a word or two; anything past this is noise that must not pile up in memory.
    private const int MaxCaptured = 64 * 1024;

    public static async Task<CommandResult> RunAsync(
        IResourceRuntime runtime, ResourceInstance instance, ResourceCommandLine command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(command);
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        using var input = command.Input is null ? null : new MemoryStream(Encoding.UTF8.GetBytes(command.Input));
        var exec = new ResourceExec(command)
        {
            Input = input,
            Stdout = (bytes, token) => Capture(stdout, bytes, token),
            Stderr = (bytes, token) => Capture(stderr, bytes, token),
        };
        var code = await runtime.ExecAsync(instance, exec, ct);
        return new CommandResult(code, Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }

    private static async ValueTask Capture(MemoryStream into, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        var room = MaxCaptured - (int)into.Length;
        if (room > 0)
        {
            await into.WriteAsync(bytes[..Math.Min(room, bytes.Length)], ct);
        }
    }
}
