namespace Wharf.Core.Api;

public sealed record AuditEventInfo(long Id, DateTimeOffset At, string Actor, string Action, string Target, string? Detail);
