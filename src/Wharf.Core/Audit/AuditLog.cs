using Wharf.Core.Api;
using Wharf.Core.Auth;
using Wharf.Core.Paging;
using Wharf.Core.State;

namespace Wharf.Core.Audit;

/// <summary>Records who did what (never a secret value) and lists it back.</summary>
public sealed class AuditLog(IStateStore state, TimeProvider clock)
{
    public const int DefaultLimit = 100;

    public Task<AuditEvent> RecordAsync(Actor actor, string action, string target, string? detail, CancellationToken ct = default) =>
        state.Audit.AppendAsync(new AuditEvent(0, clock.GetUtcNow(), actor.Name, action, target, detail), ct);

    public async Task<IReadOnlyList<AuditEventInfo>> ListAsync(int? limit, string? app, CancellationToken ct = default)
    {
        var events = await state.Audit.ListAsync(
            ListLimit.Check(limit, DefaultLimit),
            string.IsNullOrWhiteSpace(app) ? null : app.Trim(),
            ct);
        return [.. events.Select(e => new AuditEventInfo(e.Id, e.At, e.Actor, e.Action, e.Target, e.Detail))];
    }
}
