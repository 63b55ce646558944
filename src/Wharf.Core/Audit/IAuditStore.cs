namespace Wharf.Core.Audit;

public interface IAuditStore
{
    /// <summary>Appends the event (its Id is ignored) and returns it with the assigned Id.</summary>
    Task<AuditEvent> AppendAsync(AuditEvent auditEvent, CancellationToken ct = default);

    /// <summary>Newest first, at most <paramref name="limit"/>, optionally only events whose target is or starts with "<paramref name="app"/>/" or equals it.</summary>
    Task<IReadOnlyList<AuditEvent>> ListAsync(int limit = 100, string? app = null, CancellationToken ct = default);
}
