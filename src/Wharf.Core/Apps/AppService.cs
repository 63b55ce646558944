using Wharf.Core.Api;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Blobs;
using Wharf.Core.Builds;
using Wharf.Core.Deployments;
using Wharf.Core.Errors;
using Wharf.Core.Logs;
using Wharf.Core.Resources;
using Wharf.Core.Runtime;
using Wharf.Core.State;

namespace Wharf.Core.Apps;

/// <summary>Creates, shows, lists and deletes apps.</summary>
/// <param name="resources">Removes the app's resource containers (and data); null only where none ever run (tests).</param>
public sealed class AppService(
    IStateStore state,
    IBlobStore blobs,
    IProcessRuntime runtime,
    DeploymentDispatcher deployments,
    AuditLog audit,
    TimeProvider clock,
    ResourceRemover? resources = null,
    LogCollector? logs = null,
    ImagePruner? images = null)
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
    /// Deletes the app: stops its deployments, removes its processes, its resources with their data, its network,
    /// everything recorded for it, its blobs (build contexts, deployment logs) and its log.
    /// </summary>
    public Task DeleteAsync(Actor actor, string name, CancellationToken ct = default) => DeleteAsync(actor, name, keepData: false, ct);

    /// <param name="keepData">Keep the resources' data volumes (an app made again under this name finds its data there).</param>
    public async Task DeleteAsync(Actor actor, string name, bool keepData, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await state.Apps.RequireAsync(name, ct);

        // A rollout still running would start processes after the runtime removed the app's.
        await deployments.CancelAppAsync(name, actor.Name, _deleteWait);
        if (resources is not null)
        {
            await resources.RemoveAppAsync(name, keepData, ct);
        }

        await runtime.RemoveAppAsync(name, ct);

        // Read before the app's records go: they are what says which image names are the app's.
        var imageNames = images is null ? [] : await images.NamesOfAsync(name, ct);
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

        if (images is not null)
        {
            await images.RemoveAsync(imageNames, ct);
        }

        await audit.RecordAsync(actor, AuditActions.AppsDelete, name, keepData ? "resource data kept" : null, ct);
    }

    public static string BlobPrefix(string app) => $"apps/{app}/";

    private static AppInfo ToInfo(App app) => new(app.Name, app.CreatedAt, app.CurrentRelease);
}
