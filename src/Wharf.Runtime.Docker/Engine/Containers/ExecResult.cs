using Wharf.Runtime.Docker.Engine.Streams;

namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>A finished exec: its exit code and output, split by stream unless it ran with a TTY.</summary>
public sealed record ExecResult(int ExitCode, IReadOnlyList<LogLine> Output)
{
    public string StdOut => Join(LogSource.StdOut);

    public string StdErr => Join(LogSource.StdErr);

    private string Join(LogSource source) =>
        string.Join('\n', Output.Where(l => l.Source == source).Select(l => l.Text));
}
