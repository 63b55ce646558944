using System.Runtime.CompilerServices;
using Wharf.Core.Errors;
using Wharf.Core.Runtime;

namespace Wharf.Core.Tests.Fakes;

/// <summary>
/// An in-memory runtime: processes are records that tests start, exit and kill by hand. Every call is recorded.
/// Behaviour per start comes from <see cref="Behaviour"/> (default: runs and listens).
/// </summary>
public sealed class FakeProcessRuntime(TimeProvider? clock = null) : IProcessRuntime
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private readonly List<FakeProcess> _processes = [];
    private readonly List<ProcessSpec> _started = [];
    private readonly List<string> _stopped = [];
    private readonly List<string> _removed = [];
    private readonly List<(string Id, IReadOnlyList<string> Command)> _execs = [];
    private int _next;

    public string Name => "fake";

    /// <summary>Decides how each started process behaves; replace it to script failures.</summary>
    public Func<ProcessSpec, FakeProcessBehaviour> Behaviour { get; set; } = _ => FakeProcessBehaviour.Runs;

    /// <summary>Answers exec calls: (process id, command, output) → exit code. Default: echoes the command, exit 0.</summary>
    public Func<string, IReadOnlyList<string>, Func<ProcessOutput, CancellationToken, Task>, Task<int>> Exec { get; set; } =
        async (_, command, output) =>
        {
            await output(new ProcessOutput(OutputChannel.Stdout, string.Join(' ', command), null), CancellationToken.None);
            return 0;
        };

    /// <summary>What StatsAsync answers for a running process.</summary>
    public ProcessStats Stats { get; set; } = new(12.5, 64L * 1024 * 1024, 256L * 1024 * 1024);

    public IReadOnlyList<ProcessSpec> Started { get { lock (_lock) { return [.. _started]; } } }

    /// <summary>Ids passed to StopAsync, in order.</summary>
    public IReadOnlyList<string> Stopped { get { lock (_lock) { return [.. _stopped]; } } }

    /// <summary>Ids passed to RemoveAsync, in order.</summary>
    public IReadOnlyList<string> Removed { get { lock (_lock) { return [.. _removed]; } } }

    public IReadOnlyList<(string Id, IReadOnlyList<string> Command)> Execs { get { lock (_lock) { return [.. _execs]; } } }

    /// <summary>Every process the runtime still has (running or exited), oldest first.</summary>
    public IReadOnlyList<RuntimeProcess> Processes { get { lock (_lock) { return [.. _processes.Select(p => p.Snapshot)]; } } }

    public IReadOnlyList<RuntimeProcess> Running(string? service = null) =>
        [.. Processes.Where(p => p.State == ProcessState.Running && (service is null || p.Service == service))];

    public void SetBehaviour(string service, FakeProcessBehaviour behaviour)
    {
        var previous = Behaviour;
        Behaviour = spec => spec.Service == service ? behaviour : previous(spec);
    }

    public Task<RuntimeProcess> StartAsync(ProcessSpec spec, CancellationToken ct = default)
    {
        var behaviour = Behaviour(spec);
        lock (_lock)
        {
            _started.Add(spec);
            if (behaviour.StartError is { } error)
            {
                throw new InvalidOperationException(error);
            }

            _next++;
            var now = _clock.GetUtcNow();
            var process = new FakeProcess(
                new RuntimeProcess(
                    $"{_next:x12}", spec.App, spec.Service, spec.Release, spec.Kind, spec.Timer, ProcessState.Running,
                    now, now, null, null, false, spec.Port is { } port ? $"10.0.0.{_next}:{port}" : null, spec.Command),
                spec,
                behaviour.Listens);
            process.Write(behaviour.Logs);
            _processes.Add(process);
            if (behaviour.ExitCode is { } code)
            {
                process.Exit(code, behaviour.OutOfMemory, now);
            }

            return Task.FromResult(process.Snapshot);
        }
    }

    /// <summary>Puts a process in the runtime as if it had been started by an earlier server (to test adoption).</summary>
    public RuntimeProcess Add(RuntimeProcess process, bool listens = true)
    {
        lock (_lock)
        {
            _next++;
            _processes.Add(new FakeProcess(process, null, listens));
            return process;
        }
    }

    /// <summary>The process exits by itself with <paramref name="code"/> (after writing <paramref name="logs"/>).</summary>
    public void MarkExited(string id, int code, params string[] logs) => Finish(id, code, outOfMemory: false, logs);

    /// <summary>The runtime kills the process for exceeding its memory limit (exit 137).</summary>
    public void MarkOutOfMemory(string id, params string[] logs) => Finish(id, 137, outOfMemory: true, logs);

    /// <summary>The process writes more lines (followers see them).</summary>
    public void WriteLogs(string id, params string[] lines)
    {
        lock (_lock)
        {
            Find(id)?.Write(lines);
        }
    }

    public void SetListening(string id, bool listens)
    {
        lock (_lock)
        {
            if (Find(id) is { } process)
            {
                process.Listens = listens;
            }
        }
    }

    /// <summary>True when a running process has this address and accepts connections (for a fake port probe).</summary>
    public bool IsListening(string address)
    {
        lock (_lock)
        {
            return _processes.Any(p => p.Snapshot.Address == address && p.Snapshot.State == ProcessState.Running && p.Listens);
        }
    }

    public Task<IReadOnlyList<RuntimeProcess>> ListAsync(string? app = null, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<RuntimeProcess>>(
                [.. _processes.Where(p => app is null || p.Snapshot.App == app).Select(p => p.Snapshot)]);
        }
    }

    public Task<RuntimeProcess?> GetAsync(string id, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult(Find(id)?.Snapshot);
        }
    }

    public Task StopAsync(string id, TimeSpan grace, CancellationToken ct = default)
    {
        lock (_lock)
        {
            _stopped.Add(id);
            if (Find(id) is { } process)
            {
                if (process.Snapshot.State != ProcessState.Exited)
                {
                    process.Exit(143, outOfMemory: false, _clock.GetUtcNow());
                }

                _processes.Remove(process);
            }
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string id, CancellationToken ct = default)
    {
        lock (_lock)
        {
            _removed.Add(id);
            _processes.RemoveAll(p => p.Snapshot.Id == id);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<ProcessOutput> LogsAsync(
        string id, bool follow, int? tail = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        FakeProcess process;
        int index;
        lock (_lock)
        {
            process = Find(id) ?? throw NotFound(id);
            index = tail is { } t ? Math.Max(0, process.Lines.Count - t) : 0;
        }

        while (true)
        {
            List<ProcessOutput> batch;
            Task changed;
            bool exited;
            lock (_lock)
            {
                batch = process.Lines.GetRange(index, process.Lines.Count - index);
                index = process.Lines.Count;
                changed = process.Changed.Task;
                exited = process.Snapshot.State == ProcessState.Exited;
            }

            foreach (var line in batch)
            {
                ct.ThrowIfCancellationRequested();
                yield return line;
            }

            if (!follow || exited)
            {
                yield break;
            }

            await changed.WaitAsync(ct);
        }
    }

    public async Task<int> WaitAsync(string id, CancellationToken ct = default)
    {
        Task<int> exit;
        lock (_lock)
        {
            exit = (Find(id) ?? throw NotFound(id)).Exited.Task;
        }

        return await exit.WaitAsync(ct);
    }

    public Task<int> ExecAsync(
        string id, IReadOnlyList<string> command, Func<ProcessOutput, CancellationToken, Task> output, CancellationToken ct = default)
    {
        lock (_lock)
        {
            _execs.Add((id, command));
            var process = Find(id) ?? throw NotFound(id);
            if (process.Snapshot.State != ProcessState.Running)
            {
                throw new ConflictException($"Process {id} is not running: a command can only run inside a running process.");
            }
        }

        return Exec(id, command, output);
    }

    public Task<ProcessStats?> StatsAsync(string id, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult(Find(id)?.Snapshot.State == ProcessState.Running ? Stats : null);
        }
    }

    public Task RemoveAppAsync(string app, CancellationToken ct = default)
    {
        lock (_lock)
        {
            foreach (var process in _processes.Where(p => p.Snapshot.App == app).ToList())
            {
                if (process.Snapshot.State != ProcessState.Exited)
                {
                    process.Exit(137, outOfMemory: false, _clock.GetUtcNow());
                }

                _processes.Remove(process);
            }
        }

        return Task.CompletedTask;
    }

    private void Finish(string id, int code, bool outOfMemory, string[] logs)
    {
        lock (_lock)
        {
            var process = Find(id) ?? throw NotFound(id);
            process.Write(logs);
            process.Exit(code, outOfMemory, _clock.GetUtcNow());
        }
    }

    private static NotFoundException NotFound(string id) => new($"Process {id} does not exist.");

    private FakeProcess? Find(string id) => _processes.FirstOrDefault(p => p.Snapshot.Id == id);
}
