namespace Wharf.Core.Tests.Fakes;

/// <summary>How a process started on <see cref="FakeProcessRuntime"/> behaves.</summary>
public sealed record FakeProcessBehaviour
{
    /// <summary>A process that runs, listens on its port and writes nothing.</summary>
    public static FakeProcessBehaviour Runs { get; } = new();

    /// <summary>When set, the process exits with this code right after it starts.</summary>
    public int? ExitCode { get; init; }

    /// <summary>With <see cref="ExitCode"/>: the runtime killed it for using too much memory.</summary>
    public bool OutOfMemory { get; init; }

    /// <summary>False for a process that runs but never accepts connections on its port.</summary>
    public bool Listens { get; init; } = true;

    /// <summary>Lines the process writes to stdout as soon as it starts.</summary>
    public IReadOnlyList<string> Logs { get; init; } = [];

    /// <summary>When set, StartAsync throws an exception with this message (a missing image, a full disk).</summary>
    public string? StartError { get; init; }

    public static FakeProcessBehaviour Exits(int code, params string[] logs) => new() { ExitCode = code, Logs = logs };

    public static FakeProcessBehaviour KilledOutOfMemory(params string[] logs) =>
        new() { ExitCode = 137, OutOfMemory = true, Logs = logs };
}
