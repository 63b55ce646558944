using System.Collections.Concurrent;

namespace Wharf.Core.Routing;

/// <summary>
/// A thread-safe set of process ids, kept in memory. Entries of processes that are gone are pruned against a
/// listing of the runtime; an entry added after that listing was taken survives, since the listing could not know it.
/// </summary>
public abstract class ProcessIdSet
{
    private readonly ConcurrentDictionary<string, long> _ids = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Where the set is now: pass it to <see cref="Prune"/> together with a listing taken after it.</summary>
    public long Mark => Interlocked.Read(ref _sequence);

    public int Count => _ids.Count;

    public void Add(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        _ids[id] = Interlocked.Increment(ref _sequence);
    }

    public void AddRange(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            Add(id);
        }
    }

    public void Remove(string id) => _ids.TryRemove(id, out _);

    public void RemoveRange(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            Remove(id);
        }
    }

    public bool Contains(string id) => _ids.ContainsKey(id);

    /// <summary>Removes the ids added up to <paramref name="mark"/> that are not in <paramref name="running"/>.</summary>
    public void Prune(IReadOnlySet<string> running, long mark)
    {
        ArgumentNullException.ThrowIfNull(running);
        foreach (var (id, added) in _ids)
        {
            if (added <= mark && !running.Contains(id))
            {
                _ids.TryRemove(new KeyValuePair<string, long>(id, added));
            }
        }
    }
}
