namespace Wharf.Manifest;

/// <summary>What a timer does when its previous run is still going at the next tick.</summary>
public enum TimerConcurrency
{
    /// <summary>Skip the new run; the safe default for jobs that are not idempotent.</summary>
    Forbid,

    /// <summary>Start the new run alongside the old one.</summary>
    Allow,

    /// <summary>Stop the old run, then start the new one.</summary>
    Replace,
}
