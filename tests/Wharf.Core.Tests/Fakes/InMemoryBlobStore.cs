using Wharf.Core.Blobs;

namespace Wharf.Core.Tests.Fakes;

/// <summary>Blobs in memory; thread-safe, since live logs flush from timers while a test reads.</summary>
public sealed class InMemoryBlobStore : IBlobStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);

    public string Name => "memory";

    public IReadOnlyCollection<string> Keys
    {
        get
        {
            lock (_lock)
            {
                return [.. _blobs.Keys];
            }
        }
    }

    public async Task PutAsync(string key, Stream content, CancellationToken ct = default)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, ct);
        lock (_lock)
        {
            _blobs[key] = copy.ToArray();
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult<Stream?>(_blobs.TryGetValue(key, out var bytes) ? new MemoryStream(bytes, writable: false) : null);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_blobs.ContainsKey(key));
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_blobs.Remove(key));
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _blobs.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))]);
        }
    }
}
