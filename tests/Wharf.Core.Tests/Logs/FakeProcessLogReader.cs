using System.Globalization;
using System.Runtime.CompilerServices;
using Wharf.Core.Errors;
using Wharf.Core.Logs;
using Wharf.Core.Runtime;

namespace Wharf.Core.Tests.Logs;

/// <summary>
/// A runtime's output in memory: each process's lines, resumable by index (the position after line N is "N").
/// A line written with <c>positioned: false</c> has no position (as if another stream were mid-line).
/// </summary>
public sealed class FakeProcessLogReader : IProcessLogReader
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Output> _processes = new(StringComparer.Ordinal);

    public string Name => "fake";

    /// <summary>How many times output was read (each follower start is one).</summary>
    public int Reads { get; private set; }

    /// <summary>Reads throw this many times before they work (the engine away).</summary>
    public int FailNextReads { get; set; }

    public LoggedProcess Add(string app, string service = "web", int release = 1, string? id = null)
    {
        var process = new LoggedProcess(id ?? $"p{Guid.NewGuid():N}"[..13], app, service, release, Running: true);
        lock (_lock)
        {
            _processes[process.Id] = new Output(process);
        }

        return process;
    }

    public void Write(string id, string text, bool positioned = true, OutputChannel stream = OutputChannel.Stdout)
    {
        lock (_lock)
        {
            var output = _processes[id];
            output.Lines.Add((stream, text, positioned));
            output.Signal();
        }
    }

    public void Exit(string id)
    {
        lock (_lock)
        {
            var output = _processes[id];
            output.Process = output.Process with { Running = false };
            output.Signal();
        }
    }

    public void Remove(string id)
    {
        lock (_lock)
        {
            _processes.Remove(id, out var output);
            output?.Signal();
        }
    }

    public Task<IReadOnlyList<LoggedProcess>> ListAsync(CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<LoggedProcess>>([.. _processes.Values.Select(o => o.Process)]);
        }
    }

    public Task<LoggedProcess?> GetAsync(string processId, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_processes.GetValueOrDefault(processId)?.Process);
        }
    }

    public async IAsyncEnumerable<ProcessLogLine> ReadAsync(
        string processId, string? position, bool follow, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.Yield();
        var next = position is null ? 0 : int.Parse(position, NumberStyles.None, CultureInfo.InvariantCulture);
        lock (_lock)
        {
            Reads++;
            if (FailNextReads > 0)
            {
                FailNextReads--;
                throw new IOException("The engine is away.");
            }
        }

        while (true)
        {
            List<(OutputChannel Stream, string Text, bool Positioned)> lines;
            bool running;
            Task changed;
            lock (_lock)
            {
                if (!_processes.TryGetValue(processId, out var output))
                {
                    throw new NotFoundException($"Process {processId} is gone.");
                }

                lines = [.. output.Lines.Skip(next)];
                running = output.Process.Running;
                changed = output.Changed.Task;
            }

            foreach (var line in lines)
            {
                next++;
                yield return new ProcessLogLine(
                    line.Stream, line.Text, DateTimeOffset.UnixEpoch.AddSeconds(next), line.Positioned ? next.ToString(CultureInfo.InvariantCulture) : null);
            }

            if (!follow || !running)
            {
                yield break;
            }

            await changed.WaitAsync(ct);
        }
    }

    private sealed class Output(LoggedProcess process)
    {
        public LoggedProcess Process { get; set; } = process;

        public List<(OutputChannel Stream, string Text, bool Positioned)> Lines { get; } = [];

        public TaskCompletionSource Changed { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Signal()
        {
            var changed = Changed;
            Changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }
}
