using System.Collections.Concurrent;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>
/// Inspect results per container, reused while the container stays in the same engine state. The reconciler lists
/// every app every few seconds; without this each list would inspect every container again. A container is
/// inspected once when first seen and once per state change (created, running, exited), never restarted in place
/// because Wharf sets no restart policy.
/// </summary>
internal sealed class ProcessDetailsCache
{
    private readonly ConcurrentDictionary<string, (string App, ProcessDetails Details)> _entries = new(StringComparer.Ordinal);

    public ProcessDetails? Get(string containerId, string? engineState) =>
        _entries.TryGetValue(containerId, out var entry) && entry.Details.EngineState == engineState ? entry.Details : null;

    public void Set(string containerId, string app, ProcessDetails details) => _entries[containerId] = (app, details);

    public void Forget(string containerId) => _entries.TryRemove(containerId, out _);

    /// <summary>Drops the entries of containers a full list of <paramref name="app"/> (all apps when null) no longer shows.</summary>
    public void Retain(string? app, IReadOnlySet<string> listed)
    {
        foreach (var (id, entry) in _entries)
        {
            if ((app is null || entry.App == app) && !listed.Contains(id))
            {
                _entries.TryRemove(id, out _);
            }
        }
    }
}
