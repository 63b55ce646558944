using Wharf.Core.Audit;

namespace Wharf.Core.Tests.Fakes;

public sealed class InMemoryAuditStore : IAuditStore
{
    private readonly List<AuditEvent> _events = [];

    public IReadOnlyList<AuditEvent> All => _events;

    public Task<AuditEvent> AppendAsync(AuditEvent auditEvent, CancellationToken ct = default)
    {
        var stored = auditEvent with { Id = _events.Count + 1 };
        _events.Add(stored);
        return Task.FromResult(stored);
    }

    public Task<IReadOnlyList<AuditEvent>> ListAsync(int limit = 100, string? app = null, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<AuditEvent>>(
        [
            .. _events
                .Where(e => app is null || e.Target == app || e.Target.StartsWith(app + "/", StringComparison.Ordinal))
                .OrderByDescending(e => e.Id)
                .Take(limit),
        ]);
}
