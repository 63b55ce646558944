using System.Globalization;
using System.Text;
using Wharf.Core.Api;
using Wharf.Core.Apps;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Blobs;
using Wharf.Core.Errors;
using Wharf.Core.Paging;
using Wharf.Core.Releases;
using Wharf.Core.State;

namespace Wharf.Core.Deployments;

/// <summary>What the API does with deployments: start one from an upload, promote a release, list, show, follow and cancel them.</summary>
public sealed class DeploymentService(
    IStateStore state,
    IBlobStore blobs,
    DeploymentRecorder recorder,
    DeploymentDispatcher queue,
    LiveLogs logs,
    ReleaseService releases,
    AuditLog audit,
    DeploymentOptions options,
    TimeProvider clock)
{
    public const int DefaultLimit = 50;

    /// <summary>
    /// Stores the uploaded source tar (streamed, digested and size-checked on the way), records build N (running) and
    /// a deployment, and queues it.
    /// </summary>
    /// <param name="digest">The digest the client computed ("sha256:HEX"), checked against the upload; null to skip.</param>
    public async Task<DeploymentInfo> CreateAsync(Actor actor, string app, Stream source, string? digest, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(source);
        await state.Apps.RequireAsync(app, ct);
        var expected = digest is null ? null : ContextDigest.Normalize(digest)
            ?? throw WharfValidationException.For(
                ContextDigest.HeaderName,
                $"The {ContextDigest.HeaderName} header '{digest}' is not a digest: send \"sha256:\" and 64 hex digits, or leave the header out.");

        var build = await recorder.InsertBuildAsync(app, ct);
        var (actual, size) = await UploadAsync(app, build.Number, source, expected, ct);
        var deployment = await recorder.InsertDeploymentAsync(
            app, DeploymentKinds.Deploy, queue.IsBusy(app) ? DeploymentStatus.Queued : DeploymentStatus.Building, build.Number, null, actor.Name, ct);
        var log = logs.Open(DeploymentBlobs.DeploymentLog(app, deployment.Id));
        logs.Open(DeploymentBlobs.BuildLog(app, build.Number));
        await log.WriteAsync($"Deployment {deployment.Id} by {actor.Name}: received the source ({Size(size)}, {actual})"
            + (deployment.Status == DeploymentStatus.Queued ? "; waiting for the app's earlier deployment to end" : ""));
        await audit.RecordAsync(actor, AuditActions.DeploymentsCreate, Target(app, deployment.Id), $"build {build.Number}", ct);
        queue.Enqueue(app, deployment.Id);
        return ToInfo(deployment);
    }

    /// <summary>Promotes a release: a rollout deployment when it has a build, else made current at once (recorded as a succeeded deployment).</summary>
    public async Task<DeploymentInfo> PromoteAsync(Actor actor, string app, int version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var deployment = await releases.PromoteAsync(actor, app, version, kind: null, ct)
            ?? await recorder.InsertDeploymentAsync(app, DeploymentKinds.Promote, DeploymentStatus.Succeeded, null, version, actor.Name, ct);
        return ToInfo(deployment);
    }

    public async Task<IReadOnlyList<DeploymentInfo>> ListAsync(string app, int? limit, CancellationToken ct = default)
    {
        var take = ListLimit.Check(limit, DefaultLimit);
        await state.Apps.RequireAsync(app, ct);
        return [.. (await state.Deployments.ListAsync(app, take, ct)).Select(ToInfo)];
    }

    public async Task<DeploymentInfo> GetAsync(string app, int id, CancellationToken ct = default) => ToInfo(await RequireAsync(app, id, ct));

    /// <summary>The deployment's log: everything so far, then (with <paramref name="follow"/>) new lines until it ends.</summary>
    public async Task<IAsyncEnumerable<string>> LogAsync(string app, int id, bool follow, CancellationToken ct = default)
    {
        await RequireAsync(app, id, ct);
        return logs.ReadAsync(DeploymentBlobs.DeploymentLog(app, id), follow, ct);
    }

    /// <summary>A build's own log (its output, also part of its deployment's log).</summary>
    public async Task<IAsyncEnumerable<string>> BuildLogAsync(string app, int number, bool follow, CancellationToken ct = default)
    {
        await state.Apps.RequireAsync(app, ct);
        _ = await state.Builds.GetAsync(app, number, ct)
            ?? throw new NotFoundException($"Build {number} of app '{app}' does not exist: run `wharf builds -a {app}` to see its builds.");
        return logs.ReadAsync(DeploymentBlobs.BuildLog(app, number), follow, ct);
    }

    /// <summary>Cancels a queued or running deployment (a running one is given <see cref="DeploymentOptions.CancelWait"/> to stop).</summary>
    public async Task<DeploymentInfo> CancelAsync(Actor actor, string app, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var deployment = await RequireAsync(app, id, ct);
        if (DeploymentStatusNames.IsFinished(deployment.Status))
        {
            throw new ConflictException(
                $"Deployment {id} of app '{app}' has already ended ({DeploymentStatusNames.ToName(deployment.Status)}): there is nothing to cancel.");
        }

        await audit.RecordAsync(actor, AuditActions.DeploymentsCancel, Target(app, id), null, ct);
        var (outcome, ticket) = queue.Cancel(app, id, actor.Name);
        if (outcome == CancelOutcome.Running)
        {
            await Task.WhenAny(ticket!.Completion, Task.Delay(options.CancelWait, ct));
        }
        else if (await state.Deployments.GetAsync(app, id, ct) is { } now && !DeploymentStatusNames.IsFinished(now.Status))
        {
            // Never started (or left over by a server that stopped): nothing runs, so record the end here.
            var error = $"Cancelled by {actor.Name}.";
            if (deployment.Build is int build)
            {
                await recorder.FailBuildAsync(app, build, error, ct);
            }

            await state.Deployments.UpdateAsync(deployment with { Status = DeploymentStatus.Cancelled, Error = error, FinishedAt = clock.GetUtcNow() }, ct);
            await CompleteLogsAsync(deployment, $"Deployment {id} cancelled: {error}");
        }

        return ToInfo(await RequireAsync(app, id, ct));
    }

    public static DeploymentInfo ToInfo(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return new(
            deployment.App,
            deployment.Id,
            deployment.Kind,
            DeploymentStatusNames.ToName(deployment.Status),
            deployment.Build,
            deployment.Release,
            deployment.Error,
            deployment.CreatedBy,
            deployment.CreatedAt,
            deployment.FinishedAt);
    }

    private async Task<(string Digest, long Size)> UploadAsync(string app, int build, Stream source, string? expected, CancellationToken ct)
    {
        var key = DeploymentBlobs.Context(app, build);
        try
        {
            await using var hashing = new HashingStream(source, options.MaxContextBytes);
            await blobs.PutAsync(key, hashing, ct);
            var digest = hashing.Digest();
            if (hashing.BytesRead == 0)
            {
                throw WharfValidationException.For(
                    "body", "The request has no body: send the app directory as a tar (Content-Type: application/x-tar), as `wharf deploy` does.");
            }

            if (expected is not null && expected != digest)
            {
                throw WharfValidationException.For(
                    ContextDigest.HeaderName,
                    $"The uploaded source has digest {digest}, not {expected} as sent in {ContextDigest.HeaderName}: it was damaged on the way. Deploy again.");
            }

            using var digestText = new MemoryStream(Encoding.UTF8.GetBytes(digest), writable: false);
            await blobs.PutAsync(DeploymentBlobs.ContextDigest(app, build), digestText, ct);
            return (digest, hashing.BytesRead);
        }
        catch (Exception e)
        {
            var reason = e is WharfException or ContextTooLargeException ? e.Message : $"The upload of the source did not complete: {e.Message}";
            await recorder.FailBuildAsync(app, build, reason, CancellationToken.None);
            await blobs.DeleteAsync(key, CancellationToken.None);
            throw;
        }
    }

    private async Task CompleteLogsAsync(Deployment deployment, string lastLine)
    {
        var key = DeploymentBlobs.DeploymentLog(deployment.App, deployment.Id);
        await logs.Open(key).WriteAsync(lastLine);
        await logs.CompleteAsync(key);
        if (deployment.Build is int build)
        {
            await logs.CompleteAsync(DeploymentBlobs.BuildLog(deployment.App, build));
        }
    }

    private async Task<Deployment> RequireAsync(string app, int id, CancellationToken ct)
    {
        await state.Apps.RequireAsync(app, ct);
        return await state.Deployments.GetAsync(app, id, ct)
            ?? throw new NotFoundException($"Deployment {id} of app '{app}' does not exist: run `wharf deployments -a {app}` to see its deployments.");
    }

    private static string Target(string app, int id) => $"{app}/deployment/{id.ToString(CultureInfo.InvariantCulture)}";

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? $"{(bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)} KiB"
        : $"{(bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture)} MiB";
}
