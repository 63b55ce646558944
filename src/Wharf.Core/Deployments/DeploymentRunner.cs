using System.Globalization;
using Microsoft.Extensions.Logging;
using Wharf.Core.Apps;
using Wharf.Core.Auth;
using Wharf.Core.Logs;
using Wharf.Core.Releases;
using Wharf.Core.State;

namespace Wharf.Core.Deployments;

/// <summary>
/// Runs one queued deployment to its end and records how it ended: a deploy builds, makes its release and rolls it
/// out; the other kinds roll out an existing release. The release and rollout steps hold the app's lock.
/// </summary>
public sealed class DeploymentRunner(
    IStateStore state,
    LiveLogs logs,
    DeployBuilder builder,
    ReleaseService releases,
    RolloutService rollouts,
    DeploymentRecorder recorder,
    AppLocks locks,
    TimeProvider clock,
    ILogger<DeploymentRunner> logger,
    PlatformEvents? events = null)
{
    public async Task RunAsync(DeploymentTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var ct = ticket.Cancellation;
        var deployment = await state.Deployments.GetAsync(ticket.App, ticket.Id, CancellationToken.None);
        if (deployment is null || DeploymentStatusNames.IsFinished(deployment.Status))
        {
            return;
        }

        var log = logs.Open(DeploymentBlobs.DeploymentLog(deployment.App, deployment.Id));
        DeploymentLog.Started(logger, deployment.App, deployment.Id, deployment.Kind);
        events?.DeploymentStarted(deployment.App, deployment.Id, deployment.Kind, deployment.Release);
        try
        {
            deployment = await RunStepsAsync(deployment, log, ct);
            await FinishAsync(deployment, DeploymentStatus.Succeeded, null, log);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var (status, why) = ticket.CancelledBy is { } by
                ? (DeploymentStatus.Cancelled, $"Cancelled by {by}.")
                : (DeploymentStatus.Failed, "Interrupted: the server stopped. Deploy again once it runs.");
            await FinishAsync(deployment, status, why, log);
        }
        catch (DeploymentFailedException e)
        {
            await FinishAsync(deployment, DeploymentStatus.Failed, e.Message, log);
        }
        catch (Exception e)
        {
            DeploymentLog.Crashed(logger, deployment.App, deployment.Id, e);
            await FinishAsync(deployment, DeploymentStatus.Failed, $"The deployment failed unexpectedly: {e.Message} The server log has the details.", log);
        }
        finally
        {
            await logs.CompleteAsync(log.Key);
            if (deployment.Build is int build)
            {
                await logs.CompleteAsync(DeploymentBlobs.BuildLog(deployment.App, build));
            }
        }
    }

    private async Task<Deployment> RunStepsAsync(Deployment deployment, LiveLog log, CancellationToken ct)
    {
        if (deployment.Kind == DeploymentKinds.Deploy)
        {
            return await DeployAsync(deployment, log, ct);
        }

        using var appLock = await locks.AcquireAsync(deployment.App, ct);
        var release = await RequireReleaseAsync(deployment, ct);
        if (deployment.Kind == DeploymentKinds.Env && await SupersededByAsync(release, ct) is int current)
        {
            await log.WriteAsync($"Nothing to roll out: release {current}, already current, is newer and carries this env change");
            return deployment;
        }

        deployment = await UpdateAsync(deployment with { Status = DeploymentStatus.RollingOut });
        await builder.RestoreImagesAsync(release, log.WriteAsync, ct);
        await rollouts.RolloutAsync(release, log, ct);
        return deployment;
    }

    private async Task<Deployment> DeployAsync(Deployment deployment, LiveLog log, CancellationToken ct)
    {
        var number = deployment.Build
            ?? throw new DeploymentFailedException($"Deployment {deployment.Id} of app '{deployment.App}' has no build to make: deploy again.");
        deployment = await UpdateAsync(deployment with { Status = DeploymentStatus.Building });
        var buildLog = logs.Open(DeploymentBlobs.BuildLog(deployment.App, number));
        await log.WriteAsync($"Building build {number}");
        var build = await builder.BuildAsync(
            deployment.App,
            number,
            async line =>
            {
                await log.WriteAsync(line);
                await buildLog.WriteAsync(line);
                events?.BuildOutput(deployment.App, number, line);
            },
            ct);
        await logs.CompleteAsync(buildLog.Key);

        using var appLock = await locks.AcquireAsync(deployment.App, ct);
        var envVersion = (await state.Env.LatestAsync(deployment.App, ct))?.Version;
        var actor = new Actor(deployment.CreatedBy, Role.Deploy);
        var release = await releases.CreateAsync(actor, deployment.App, new ReleaseDraft(number, envVersion, build.Manifest, $"Deploy build {number}"), ct);
        await log.WriteAsync($"Created release {release.Version} (build {number}, env version {envVersion?.ToString(CultureInfo.InvariantCulture) ?? "none"})");
        deployment = await UpdateAsync(deployment with { Status = DeploymentStatus.RollingOut, Release = release.Version });
        await rollouts.RolloutAsync(release, log, ct);
        return deployment;
    }

    private async Task<Release> RequireReleaseAsync(Deployment deployment, CancellationToken ct) =>
        deployment.Release is int version && await state.Releases.GetAsync(deployment.App, version, ct) is { } release
            ? release
            : throw new DeploymentFailedException($"The release deployment {deployment.Id} rolls out no longer exists.");

    /// <summary>The current release when it is newer than <paramref name="release"/> and already carries its env (or a later one).</summary>
    private async Task<int?> SupersededByAsync(Release release, CancellationToken ct)
    {
        var app = await state.Apps.GetAsync(release.App, ct);
        if (app?.CurrentRelease is not int current || current <= release.Version)
        {
            return null;
        }

        var currentRelease = await state.Releases.GetAsync(release.App, current, ct);
        return (currentRelease?.EnvVersion ?? 0) >= (release.EnvVersion ?? 0) ? current : null;
    }

    private async Task FinishAsync(Deployment deployment, DeploymentStatus status, string? error, LiveLog log)
    {
        try
        {
            // The steps recorded their progress (status, release) in the store; a failure left them un-returned.
            deployment = await state.Deployments.GetAsync(deployment.App, deployment.Id, CancellationToken.None) ?? deployment;
            if (error is not null && deployment.Build is int build)
            {
                await recorder.FailBuildAsync(deployment.App, build, error, CancellationToken.None);
            }

            await UpdateAsync(deployment with { Status = status, Error = error, FinishedAt = clock.GetUtcNow() });
            await log.WriteAsync(status switch
            {
                DeploymentStatus.Succeeded when deployment.Release is int release => $"Deployment {deployment.Id} succeeded: release {release} is current",
                DeploymentStatus.Succeeded => $"Deployment {deployment.Id} succeeded",
                DeploymentStatus.Cancelled => $"Deployment {deployment.Id} cancelled: {error}",
                _ => $"Deployment {deployment.Id} failed: {error}",
            });
            DeploymentLog.Finished(logger, deployment.App, deployment.Id, status);
            events?.DeploymentFinished(deployment.App, deployment.Id, deployment.Kind, status, deployment.Release, error);
        }
        catch (Exception e)
        {
            // Typically the app was deleted meanwhile; nothing is left to record it on.
            DeploymentLog.NotRecorded(logger, deployment.App, deployment.Id, e);
        }
    }

    private async Task<Deployment> UpdateAsync(Deployment deployment)
    {
        await state.Deployments.UpdateAsync(deployment, CancellationToken.None);
        return deployment;
    }
}
