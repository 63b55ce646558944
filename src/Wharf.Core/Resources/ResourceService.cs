using System.Globalization;
using Wharf.Core.Api;
using Wharf.Core.Auth;
using Wharf.Core.Errors;
using Wharf.Core.Processes;
using Wharf.Core.State;
using Wharf.Manifest;

namespace Wharf.Core.Resources;

/// <summary>
/// `wharf resources`, `resources info` and `resources url`: what the current release declares, what Wharf
/// provisioned, what runs and which data volumes exist, put together per resource. Passwords only in <see cref="UrlAsync"/>.
/// </summary>
public sealed class ResourceService(IStateStore state, ReleaseSnapshotLoader releases, IResourceRuntime runtime, ResourceVault vault)
{
    public async Task<IReadOnlyList<ResourceInfo>> ListAsync(string app, CancellationToken ct = default)
    {
        var view = await LoadAsync(app, ct);
        return [.. await Task.WhenAll(view.Names.Select(name => DescribeAsync(view, name, ct)))];
    }

    /// <summary>One resource, with what its data uses now when it runs.</summary>
    public async Task<ResourceInfo> GetAsync(string app, string name, CancellationToken ct = default)
    {
        var view = await LoadAsync(app, ct);
        if (!view.Names.Contains(name, StringComparer.Ordinal))
        {
            throw ResourceFinder.NotFound(app, name, view.Manifest?.Resources.Keys ?? []);
        }

        var info = await DescribeAsync(view, name, ct);
        if (view.Instances.GetValueOrDefault(name) is { State: ResourceState.Running } instance)
        {
            info = info with { DataBytes = await DataBytesAsync(instance, ct) };
        }

        return info;
    }

    /// <summary>The URL with its password; needs the deploy role, like revealing env values.</summary>
    public async Task<ResourceUrlInfo> UrlAsync(Actor actor, string app, string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(Role.Deploy))
        {
            throw new ForbiddenException(
                $"Revealing a resource's URL needs the deploy role; your token '{actor.Name}' has {actor.Role.ToName()}. `wharf resources -a {app}` shows it masked.");
        }

        var view = await LoadAsync(app, ct);
        var declared = view.Manifest?.Resources.ContainsKey(name) == true;
        if (declared && view.Env.TryGetValue(ResourceVariables.UrlKey(name), out var external) && !string.IsNullOrWhiteSpace(external))
        {
            return new ResourceUrlInfo(name, external, External: true);
        }

        if (view.Records.GetValueOrDefault(name) is not { } record)
        {
            throw declared
                ? new ConflictException($"Resource {name} of app '{app}' has not been started yet: deploy the app (`wharf deploy -a {app}`) first.")
                : ResourceFinder.NotFound(app, name, view.Manifest?.Resources.Keys ?? []);
        }

        var link = ResourceKinds.For(record.Type).Link(name, await vault.OpenAsync(record, ct));
        return new ResourceUrlInfo(name, link.Url, External: false);
    }

    private async Task<ResourceView> LoadAsync(string app, CancellationToken ct)
    {
        var snapshot = await releases.CurrentAsync(app, ct);
        var records = (await state.Resources.ListAsync(app, ct)).ToDictionary(r => r.Name, StringComparer.Ordinal);
        var instances = (await runtime.ListAsync(app, ct)).ToDictionary(i => i.Name, StringComparer.Ordinal);
        var volumes = (await runtime.VolumesAsync(app, ct)).ToDictionary(v => v.Resource, StringComparer.Ordinal);
        var declared = snapshot?.Manifest.Resources.Keys.ToList() ?? [];
        var others = records.Keys.Concat(instances.Keys).Concat(volumes.Keys)
            .Where(n => !declared.Contains(n, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return new ResourceView(snapshot?.Manifest, snapshot?.Env ?? new Dictionary<string, string>(), [.. declared, .. others], records, instances, volumes);
    }

    private async Task<ResourceInfo> DescribeAsync(ResourceView view, string name, CancellationToken ct)
    {
        var declared = view.Manifest?.Resources.GetValueOrDefault(name);
        var record = view.Records.GetValueOrDefault(name);
        var instance = view.Instances.GetValueOrDefault(name);
        var volume = view.Volumes.GetValueOrDefault(name);
        var type = declared?.Type ?? record?.Type ?? instance?.Type ?? volume?.Type ?? ResourceType.Postgres;
        var kind = ResourceKinds.For(type);
        var settings = declared is null ? null : kind.Settings(declared, new List<string>());
        var external = declared is not null && ResourceVariables.IsExternal(name, view.Env);
        var url = external
            ? kind.Parse(name, view.Env[ResourceVariables.UrlKey(name)])?.MaskedUrl ?? "(set in the app's config)"
            : record is null ? null : kind.Link(name, await vault.OpenAsync(record, ct)).MaskedUrl;
        var services = view.Manifest?.Services.Values.Where(s => s.Resources.Contains(name, StringComparer.Ordinal)).Select(s => s.Name).ToList() ?? [];
        var image = external ? null : instance?.Image ?? (settings is null ? null : ResourceKind.Image(kind, settings));
        return new ResourceInfo(
            name,
            kind.Name,
            external ? null : settings?.Version ?? VersionOf(image),
            Status(declared is not null, external, instance),
            declared is not null,
            services,
            url,
            volume?.Name,
            image,
            type == ResourceType.Redis ? settings?.Durable : null,
            settings?.StorageBytes,
            null,
            record?.CreatedAt,
            instance?.StartedAt);
    }

    private async Task<long?> DataBytesAsync(ResourceInstance instance, CancellationToken ct)
    {
        try
        {
            var result = await ResourceCommands.RunAsync(runtime, instance, ResourceKinds.For(instance.Type).DataUsage(), ct);
            var kib = result.Stdout.Split('\t', 2)[0].Trim();
            return result.ExitCode == 0 && long.TryParse(kib, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size * 1024 : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only a detail of the answer: the resource may have stopped a moment ago.
            return null;
        }
    }

    private static string Status(bool declared, bool external, ResourceInstance? instance) => (external, instance?.State) switch
    {
        (true, _) => "external",
        (_, ResourceState.Running) => "running",
        (_, ResourceState.Restarting) => "restarting",
        (_, ResourceState.Stopped) => "stopped",
        _ => declared ? "not started" : "no container",
    };

    private static string? VersionOf(string? image) => image?.Split(':') is [_, var tag] ? tag : null;

    private sealed record ResourceView(
        AppManifest? Manifest,
        IReadOnlyDictionary<string, string> Env,
        IReadOnlyList<string> Names,
        IReadOnlyDictionary<string, ResourceRecord> Records,
        IReadOnlyDictionary<string, ResourceInstance> Instances,
        IReadOnlyDictionary<string, ResourceVolume> Volumes);
}
