using Wharf.Core.Api;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Logs;
using Wharf.Core.Runtime;
using Wharf.Core.State;

namespace Wharf.Core.Processes;

/// <summary>`wharf scale`: how many processes each service of the current release runs.</summary>
public sealed class FormationService(
    IStateStore state,
    IProcessRuntime runtime,
    ReleaseSnapshotLoader releases,
    ReconcilerSignal reconciler,
    AuditLog audit,
    PlatformEvents? events = null)
{
    /// <summary>Per service of the current release, in manifest order; empty before the first deploy.</summary>
    public async Task<IReadOnlyList<FormationInfo>> GetAsync(string app, CancellationToken ct = default)
    {
        var snapshot = await releases.CurrentAsync(app, ct);
        return snapshot is null ? [] : await InfoAsync(snapshot, ct);
    }

    /// <summary>Sets counts (all checked first, stored together), then wakes the reconciler to apply them.</summary>
    public async Task<IReadOnlyList<FormationInfo>> ScaleAsync(Actor actor, string app, IReadOnlyDictionary<string, int> counts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var snapshot = await releases.RequireCurrentAsync(app, ct);
        FormationPlanner.Validate(app, snapshot.Manifest, counts);
        await state.Formation.SetAsync(app, counts, ct);
        await audit.RecordAsync(actor, ProcessAuditActions.FormationScale, app, string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}")), ct);
        events?.Scaled(app, counts, actor.Name);
        reconciler.Poke();
        return await InfoAsync(snapshot, ct);
    }

    private async Task<IReadOnlyList<FormationInfo>> InfoAsync(ReleaseSnapshot snapshot, CancellationToken ct)
    {
        var desired = FormationPlanner.Desired(snapshot.Manifest, await state.Formation.GetAsync(snapshot.App, ct));
        var processes = await runtime.ListAsync(snapshot.App, ct);
        return
        [
            .. snapshot.Manifest.Services.Values.Select(s => new FormationInfo(
                s.Name,
                desired[s.Name],
                s.Scale.Min,
                s.Scale.Max,
                s.Port,
                s.Image ?? snapshot.Images.GetValueOrDefault(s.Name),
                s.Scale.MemoryBytes,
                s.Scale.CpuMillicores,
                s.Singleton,
                processes.Count(p => p is { Kind: ProcessKind.Service, State: ProcessState.Running } && p.Release == snapshot.Release.Version && p.Service == s.Name))),
        ];
    }
}
