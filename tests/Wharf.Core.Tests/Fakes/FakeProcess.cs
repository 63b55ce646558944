using Wharf.Core.Runtime;

namespace Wharf.Core.Tests.Fakes;

/// <summary>One process of <see cref="FakeProcessRuntime"/>: its current snapshot, output and exit signal.</summary>
internal sealed class FakeProcess(RuntimeProcess snapshot, ProcessSpec? spec, bool listens)
{
    public RuntimeProcess Snapshot { get; private set; } = snapshot;

    public ProcessSpec? Spec { get; } = spec;

    public bool Listens { get; set; } = listens;

    public List<ProcessOutput> Lines { get; } = [];

    public TaskCompletionSource<int> Exited { get; } = Completed(snapshot);

    public TaskCompletionSource Changed { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Write(IEnumerable<string> lines)
    {
        Lines.AddRange(lines.Select(l => new ProcessOutput(OutputChannel.Stdout, l, null)));
        Signal();
    }

    public void Exit(int code, bool outOfMemory, DateTimeOffset at)
    {
        Snapshot = Snapshot with { State = ProcessState.Exited, ExitCode = code, OutOfMemory = outOfMemory, FinishedAt = at };
        Exited.TrySetResult(code);
        Signal();
    }

    private void Signal()
    {
        var changed = Changed;
        Changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private static TaskCompletionSource<int> Completed(RuntimeProcess process)
    {
        var exited = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (process.State == ProcessState.Exited)
        {
            exited.TrySetResult(process.ExitCode ?? 0);
        }

        return exited;
    }
}
