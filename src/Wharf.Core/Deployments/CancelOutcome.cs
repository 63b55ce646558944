namespace Wharf.Core.Deployments;

public enum CancelOutcome
{
    /// <summary>Neither waiting nor running here (already ended, or left over from a server that stopped).</summary>
    NotQueued,

    /// <summary>It was waiting and never started.</summary>
    Dequeued,

    /// <summary>It was running; its cancellation has been requested.</summary>
    Running,
}
