using System.Text;
using Wharf.Core.Resources;

namespace Wharf.Core.Tests.Fakes;

/// <summary>
/// An in-memory resource runtime: containers are records, readiness checks answer as <see cref="Behaviour"/> says,
/// other commands as <see cref="Exec"/> says. Every create, removal, set-aside and command is recorded.
/// </summary>
public sealed class FakeResourceRuntime : IResourceRuntime
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _containers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string App, string Name), ResourceVolume> _volumes = [];
    private readonly List<ResourceSpec> _created = [];
    private readonly List<string> _events = [];
    private readonly List<(string Resource, ResourceCommandLine Command)> _commands = [];
    private int _next;

    /// <summary>How each created container behaves, by spec; default: ready at the first check.</summary>
    public Func<ResourceSpec, FakeResourceBehaviour> Behaviour { get; set; } = _ => FakeResourceBehaviour.Ready;

    /// <summary>Answers commands that are not readiness checks: (resource, command, input) → (exit code, stdout, stderr).</summary>
    public Func<string, ResourceCommandLine, string, (int Code, string Stdout, string Stderr)> Exec { get; set; } = (_, _, _) => (0, "", "");

    public IReadOnlyList<ResourceSpec> Created { get { lock (_lock) { return [.. _created]; } } }

    /// <summary>"set-aside NAME", "reinstate NAME", "remove NAME", "start NAME", "remove-data NAME", in order.</summary>
    public IReadOnlyList<string> Events { get { lock (_lock) { return [.. _events]; } } }

    /// <summary>Commands other than readiness checks, with the resource they ran in.</summary>
    public IReadOnlyList<(string Resource, ResourceCommandLine Command)> Commands { get { lock (_lock) { return [.. _commands]; } } }

    public IReadOnlyList<ResourceInstance> Current { get { lock (_lock) { return [.. _containers.Values.Where(e => !e.Aside).Select(e => e.Instance)]; } } }

    public IReadOnlyList<ResourceVolume> Volumes { get { lock (_lock) { return [.. _volumes.Values]; } } }

    public void SetBehaviour(string resource, FakeResourceBehaviour behaviour)
    {
        var previous = Behaviour;
        Behaviour = spec => spec.Name == resource ? behaviour : previous(spec);
    }

    /// <summary>Stops a container by hand, as `docker stop` would.</summary>
    public void Stop(string app, string name)
    {
        lock (_lock)
        {
            var entry = _containers.Values.Single(e => !e.Aside && e.Instance.App == app && e.Instance.Name == name);
            entry.Instance = entry.Instance with { State = ResourceState.Stopped, ExitCode = 0 };
        }
    }

    public Task<ResourceInstance?> GetAsync(string app, string name, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_containers.Values.FirstOrDefault(e => !e.Aside && e.Instance.App == app && e.Instance.Name == name)?.Instance);
        }
    }

    public Task<ResourceInstance?> FindAsync(string id, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_containers.GetValueOrDefault(id)?.Instance);
        }
    }

    public Task<IReadOnlyList<ResourceInstance>> ListAsync(string app, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ResourceInstance>>([.. _containers.Values.Where(e => !e.Aside && e.Instance.App == app).Select(e => e.Instance)]);
        }
    }

    public Task<ResourceInstance> CreateAsync(ResourceSpec spec, CancellationToken ct = default)
    {
        var behaviour = Behaviour(spec);
        lock (_lock)
        {
            _created.Add(spec);
            if (behaviour.CreateError is { } error)
            {
                throw new ResourceImageMissingException(spec.Image, error);
            }

            if (_containers.Values.Any(e => !e.Aside && e.Instance.App == spec.App && e.Instance.Name == spec.Name))
            {
                throw new InvalidOperationException($"A container named for {spec.App}/{spec.Name} exists already.");
            }

            _next++;
            var volume = $"wharf-{spec.App}-{spec.Name}-data";
            _volumes.TryAdd((spec.App, spec.Name), new ResourceVolume(spec.Name, volume, spec.Type, DateTimeOffset.UnixEpoch));
            var instance = new ResourceInstance(
                $"{_next:x12}", spec.App, spec.Name, spec.Type, spec.Image, spec.Fingerprint(), ResourceState.Running, 0, null,
                DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, volume);
            _containers[instance.Id] = new Entry(instance, behaviour, spec);
            return Task.FromResult(instance);
        }
    }

    public Task StartAsync(ResourceInstance instance, CancellationToken ct = default)
    {
        lock (_lock)
        {
            var entry = _containers[instance.Id];
            entry.Instance = entry.Instance with { State = ResourceState.Running, ExitCode = null };
            _events.Add($"start {instance.Name}");
            return Task.CompletedTask;
        }
    }

    public Task SetAsideAsync(ResourceInstance instance, TimeSpan grace, CancellationToken ct = default)
    {
        lock (_lock)
        {
            var entry = _containers[instance.Id];
            entry.Aside = true;
            entry.Instance = entry.Instance with { State = ResourceState.Stopped, ExitCode = 0 };
            _events.Add($"set-aside {instance.Name}");
            return Task.CompletedTask;
        }
    }

    public Task ReinstateAsync(ResourceInstance instance, CancellationToken ct = default)
    {
        lock (_lock)
        {
            var entry = _containers[instance.Id];
            entry.Aside = false;
            entry.Instance = entry.Instance with { State = ResourceState.Running, ExitCode = null };
            _events.Add($"reinstate {instance.Name}");
            return Task.CompletedTask;
        }
    }

    public Task RemoveAsync(ResourceInstance instance, TimeSpan grace, CancellationToken ct = default)
    {
        lock (_lock)
        {
            if (_containers.Remove(instance.Id))
            {
                _events.Add($"remove {instance.Name}");
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<ResourceVolume>> VolumesAsync(string app, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ResourceVolume>>([.. _volumes.Where(v => v.Key.App == app).Select(v => v.Value)]);
        }
    }

    public Task RemoveDataAsync(string app, string name, CancellationToken ct = default)
    {
        lock (_lock)
        {
            if (_volumes.Remove((app, name)))
            {
                _events.Add($"remove-data {name}");
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<string>> LastLinesAsync(ResourceInstance instance, int count, CancellationToken ct = default)
    {
        lock (_lock)
        {
            var logs = _containers.GetValueOrDefault(instance.Id)?.Behaviour.Logs ?? [];
            return Task.FromResult<IReadOnlyList<string>>([.. logs.TakeLast(count)]);
        }
    }

    public async Task<int> ExecAsync(ResourceInstance instance, ResourceExec exec, CancellationToken ct = default)
    {
        Entry entry;
        lock (_lock)
        {
            entry = _containers[instance.Id];
        }

        var input = exec.Input is null ? "" : await new StreamReader(exec.Input, Encoding.UTF8).ReadToEndAsync(ct);
        (int Code, string Stdout, string Stderr) answer;
        if (exec.Command.Arguments is ["pg_isready", ..] or ["redis-cli", "ping"])
        {
            answer = Check(entry);
        }
        else
        {
            lock (_lock)
            {
                _commands.Add((instance.Name, exec.Command));
            }

            answer = Exec(instance.Name, exec.Command, input);
        }

        if (answer.Stdout.Length > 0 && exec.Stdout is { } stdout)
        {
            await stdout(Encoding.UTF8.GetBytes(answer.Stdout), ct);
        }

        if (answer.Stderr.Length > 0 && exec.Stderr is { } stderr)
        {
            await stderr(Encoding.UTF8.GetBytes(answer.Stderr), ct);
        }

        return answer.Code;
    }

    private (int, string, string) Check(Entry entry)
    {
        lock (_lock)
        {
            if (entry.Behaviour.ExitCode is { } code)
            {
                entry.Instance = entry.Instance with { State = ResourceState.Stopped, ExitCode = code };
                return (1, "", "no server");
            }

            entry.Checks++;
            return entry.Checks > entry.Behaviour.ChecksBeforeReady ? (0, "PONG\n", "") : (1, "", "no server yet");
        }
    }

    private sealed class Entry(ResourceInstance instance, FakeResourceBehaviour behaviour, ResourceSpec spec)
    {
        public ResourceInstance Instance { get; set; } = instance;

        public FakeResourceBehaviour Behaviour { get; } = behaviour;

        public ResourceSpec Spec { get; } = spec;

        public bool Aside { get; set; }

        public int Checks { get; set; }
    }
}
