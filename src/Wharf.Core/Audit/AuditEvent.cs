namespace Wharf.Core.Audit;

/// <summary>A record of one write: who did what to which target, and when. Never carries a secret value.</summary>
/// <param name="Id">Assigned by the store; 0 before insertion.</param>
/// <param name="Actor">The token name that made the change.</param>
/// <param name="Action">A dotted verb, e.g. "apps.create", "env.set".</param>
/// <param name="Target">What it acted on, e.g. "hello" or "hello/release/4".</param>
/// <param name="Detail">Free text, e.g. the changed env keys (never values).</param>
public sealed record AuditEvent(long Id, DateTimeOffset At, string Actor, string Action, string Target, string? Detail);
