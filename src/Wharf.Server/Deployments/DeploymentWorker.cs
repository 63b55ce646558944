using Wharf.Core.Deployments;

namespace Wharf.Server.Deployments;

/// <summary>
/// Runs queued deployments in the background. Before the server takes requests it marks what a previous server
/// left unfinished as failed ("interrupted by a server restart"); on shutdown it cancels the running ones and
/// waits (as long as the host allows) for them to clean up.
/// </summary>
public sealed class DeploymentWorker(
    DeploymentDispatcher dispatcher,
    DeploymentRunner runner,
    DeploymentRecovery recovery) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private int _stopped;

    /// <summary>Runs after the state store is migrated (the initializer's StartingAsync comes first) and before any request.</summary>
    public Task StartingAsync(CancellationToken cancellationToken) => recovery.FailUnfinishedAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        dispatcher.Start(runner.RunAsync, _stopping.Token);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Safe to call more than once, and after disposal (a test host may stop a host it has already disposed).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _stopping.CancelAsync();
        }

        await dispatcher.DrainAsync().WaitAsync(cancellationToken);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        Interlocked.Exchange(ref _stopped, 1);
        _stopping.Dispose();
    }
}
