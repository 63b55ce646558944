using System.Collections.Concurrent;

namespace Wharf.Core.Processes;

/// <summary>
/// One-off processes a client is attached to (`wharf run` without --detach): their output is still being streamed,
/// so the reconciler leaves them for the run to remove once it has read the exit code.
/// </summary>
public sealed class AttachedProcesses
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    public void Add(string id) => _ids[id] = 0;

    public void Remove(string id) => _ids.TryRemove(id, out _);

    public bool Contains(string id) => _ids.ContainsKey(id);
}
