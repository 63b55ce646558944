namespace Wharf.Core.Deployments;

/// <summary>One deployment the queue is running: its identity, its cancellation, and who cancelled it.</summary>
public sealed class DeploymentTicket : IDisposable
{
    private readonly CancellationTokenSource _cancellation;

    internal DeploymentTicket(string app, int id, CancellationToken stopping)
    {
        App = app;
        Id = id;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    public string App { get; }

    public int Id { get; }

    /// <summary>Cancelled by a cancel request, the app's deletion or the server stopping.</summary>
    public CancellationToken Cancellation => _cancellation.Token;

    /// <summary>The token name that cancelled it, or null when nobody did (the server is stopping).</summary>
    public string? CancelledBy { get; private set; }

    /// <summary>Ends when the deployment has finished running, whichever way.</summary>
    public Task Completion { get; internal set; } = Task.CompletedTask;

    public void Dispose() => _cancellation.Dispose();

    internal void Cancel(string by)
    {
        CancelledBy ??= by;
        _cancellation.Cancel();
    }
}
