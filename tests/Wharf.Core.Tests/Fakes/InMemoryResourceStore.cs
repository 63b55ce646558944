using Wharf.Core.Resources;

namespace Wharf.Core.Tests.Fakes;

public sealed class InMemoryResourceStore : IResourceStore
{
    private readonly Dictionary<(string App, string Name), ResourceRecord> _records = [];
    private readonly Lock _lock = new();

    public int Inserts { get; private set; }

    public Task<IReadOnlyList<ResourceRecord>> ListAsync(string app, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ResourceRecord>>(
                [.. _records.Values.Where(r => r.App == app).OrderBy(r => r.Name, StringComparer.Ordinal)]);
        }
    }

    public Task<ResourceRecord?> GetAsync(string app, string name, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_records.GetValueOrDefault((app, name)));
        }
    }

    public Task<bool> TryInsertAsync(ResourceRecord record, CancellationToken ct = default)
    {
        lock (_lock)
        {
            var added = _records.TryAdd((record.App, record.Name), record);
            Inserts += added ? 1 : 0;
            return Task.FromResult(added);
        }
    }

    public Task<bool> DeleteAsync(string app, string name, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_records.Remove((app, name)));
        }
    }

    public void Forget(string app)
    {
        lock (_lock)
        {
            foreach (var key in _records.Keys.Where(k => k.App == app).ToList())
            {
                _records.Remove(key);
            }
        }
    }
}
