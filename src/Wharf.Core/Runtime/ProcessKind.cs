namespace Wharf.Core.Runtime;

public enum ProcessKind
{
    /// <summary>A long-running process of a service's formation; the reconciler keeps the count.</summary>
    Service,

    /// <summary>Started by `wharf run`; runs once and is never restarted.</summary>
    OneOff,

    /// <summary>Started by a timer's schedule; a deploy never stops it.</summary>
    Timer,
}
