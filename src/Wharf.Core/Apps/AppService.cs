using Wharf.Core.Api;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Blobs;
using Wharf.Core.Errors;
using Wharf.Core.State;

namespace Wharf.Core.Apps;

/// <summary>Creates, shows, lists and deletes apps.</summary>
public sealed class AppService(IStateStore state, IBlobStore blobs, AuditLog audit, TimeProvider clock)
{
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

    /// <summary>Deletes the app, everything recorded for it and its blobs (build contexts, logs).</summary>
    public async Task DeleteAsync(Actor actor, string name, CancellationToken ct = default)
    {
        if (!await state.Apps.DeleteAsync(name, ct))
        {
            throw NotFoundException.App(name);
        }

        foreach (var key in await blobs.ListAsync(BlobPrefix(name), ct))
        {
            await blobs.DeleteAsync(key, ct);
        }

        await audit.RecordAsync(actor, AuditActions.AppsDelete, name, detail: null, ct);
    }

    public static string BlobPrefix(string app) => $"apps/{app}/";

    private static AppInfo ToInfo(App app) => new(app.Name, app.CreatedAt, app.CurrentRelease);
}
