using Wharf.Core.Api;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Blobs;
using Wharf.Core.Deployments;
using Wharf.Core.Errors;
using Wharf.Core.Logs;
using Wharf.Core.Runtime;
using Wharf.Core.State;

namespace Wharf.Core.Apps;

/// <summary>Creates, shows, lists and deletes apps.</summary>
public sealed class AppService(
    IStateStore state, IBlobStore blobs, IProcessRuntime runtime, DeploymentDispatcher deployments, AuditLog audit, TimeProvider clock, LogCollector? logs = null)
{
    // How long deleting an app waits for its running deployment to notice the cancellation and clean up.
    private static readonly TimeSpan _deleteWait = TimeSpan.FromSeconds(30);

    public async Task<AppInfo> CreateAsync(Actor actor, CreateAppRequest request, CancellationToken ct = default)
    {
        if (AppNames.Problem(request.Name) is { } problem)
        {
            throw WharfValidationException.For("name", problem);
        }

        var app = new App(request.Name, clock.GetUtcNow(), CurrentRelease: null);
        if (!await state.Apps.TryCreateAsync(app, ct))
        {
            throw new ConflictException($"App '{app.Name}' already exists: pick another name, or use it as it is.");
        }

        await audit.RecordAsync(actor, AuditActions.AppsCreate, app.Name, detail: null, ct);
        return ToInfo(app);
    }

    public async Task<AppInfo> GetAsync(string name, CancellationToken ct = default) =>
        ToInfo(await state.Apps.RequireAsync(name, ct));

    public async Task<IReadOnlyList<AppInfo>> ListAsync(CancellationToken ct = default) =>
        [.. (await state.Apps.ListAsync(ct)).Select(ToInfo)];

    /// <summary>
    /// Deletes the app: stops its deployments, removes its processes and network, everything recorded for it and its
    /// blobs (build contexts, deployment logs) and its log.
    /// </summary>
    public async Task DeleteAsync(Actor actor, string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await state.Apps.RequireAsync(name, ct);

        // A rollout still running would start processes after the runtime removed the app's.
        await deployments.CancelAppAsync(name, actor.Name, _deleteWait);
        await runtime.RemoveAppAsync(name, ct);
        if (!await state.Apps.DeleteAsync(name, ct))
        {
            throw NotFoundException.App(name);
        }

        foreach (var key in await blobs.ListAsync(BlobPrefix(name), ct))
        {
            await blobs.DeleteAsync(key, ct);
        }

        if (logs is not null)
        {
            await logs.DeleteAppAsync(name, ct);
        }

        await audit.RecordAsync(actor, AuditActions.AppsDelete, name, detail: null, ct);
    }

    public static string BlobPrefix(string app) => $"apps/{app}/";

    private static AppInfo ToInfo(App app) => new(app.Name, app.CreatedAt, app.CurrentRelease);
}
