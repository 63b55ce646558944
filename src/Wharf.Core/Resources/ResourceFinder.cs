using Wharf.Core.Errors;
using Wharf.Core.Processes;
using Wharf.Core.State;

namespace Wharf.Core.Resources;

/// <summary>Finds the resource a command is about, or says in a sentence why there is none to run it in.</summary>
public sealed class ResourceFinder(IStateStore state, ReleaseSnapshotLoader releases, IResourceRuntime runtime, ResourceVault vault)
{
    /// <exception cref="NotFoundException">No such app, or the app has no such resource.</exception>
    /// <exception cref="ConflictException">The resource is external, not started yet, or not running.</exception>
    public async Task<RunningResource> RunningAsync(string app, string name, CancellationToken ct = default)
    {
        var snapshot = await releases.CurrentAsync(app, ct);
        var declared = snapshot is not null && snapshot.Manifest.Resources.ContainsKey(name);
        if (declared && ResourceVariables.IsExternal(name, snapshot!.Env))
        {
            throw new ConflictException(
                $"Resource {name} of app '{app}' is external: {ResourceVariables.UrlKey(name)} in the app's config points at it, and Wharf " +
                "runs no container for it. Use that database's own tools, or `wharf env unset` the URL and deploy to run one here.");
        }

        var record = await state.Resources.GetAsync(app, name, ct);
        if (record is null)
        {
            throw declared
                ? new ConflictException($"Resource {name} of app '{app}' has not been started yet: deploy the app (`wharf deploy -a {app}`) first.")
                : NotFound(app, name, snapshot?.Manifest.Resources.Keys ?? []);
        }

        var instance = await runtime.GetAsync(app, name, ct);
        if (instance is not { State: ResourceState.Running })
        {
            var status = instance is null ? "it has no container" : $"it is {instance.State.ToString().ToLowerInvariant()}";
            throw new ConflictException(
                $"Resource {name} of app '{app}' is not running ({status}): deploy the app (`wharf deploy -a {app}`) to start it.");
        }

        return new RunningResource(record, ResourceKinds.For(record.Type), instance, await vault.OpenAsync(record, ct));
    }

    public static NotFoundException NotFound(string app, string name, IEnumerable<string> declared)
    {
        var names = declared.ToList();
        var which = names.Count == 0
            ? "its wharf.yml declares none (under resources:)"
            : $"its resources are: {string.Join(", ", names)}";
        return new NotFoundException($"App '{app}' has no resource '{name}': {which}. Run `wharf resources -a {app}` to see them.");
    }
}
