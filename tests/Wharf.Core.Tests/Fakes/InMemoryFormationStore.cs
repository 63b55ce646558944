using Wharf.Core.Formation;

namespace Wharf.Core.Tests.Fakes;

public sealed class InMemoryFormationStore : IFormationStore
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts = new(StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<string, int>> GetAsync(string app, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(
            _counts.TryGetValue(app, out var counts) ? new Dictionary<string, int>(counts) : new Dictionary<string, int>());

    public Task SetAsync(string app, IReadOnlyDictionary<string, int> counts, CancellationToken ct = default)
    {
        if (!_counts.TryGetValue(app, out var existing))
        {
            existing = new Dictionary<string, int>(StringComparer.Ordinal);
            _counts[app] = existing;
        }

        foreach (var (service, count) in counts)
        {
            existing[service] = count;
        }

        return Task.CompletedTask;
    }

    public void Forget(string app) => _counts.Remove(app);
}
