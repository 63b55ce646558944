namespace Wharf.Core.Timers;

/// <summary>Where the scheduler is with one timer: its schedule as last seen and when it last looked (or fired).</summary>
internal sealed record TimerSlot(string Expression, DateTimeOffset LastCheck);
