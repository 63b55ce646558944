using System.Globalization;
using Microsoft.Extensions.Logging;
using Wharf.Core.Deployments;
using Wharf.Core.State;
using Wharf.Manifest;

namespace Wharf.Core.Resources;

/// <summary>
/// Makes an app's resources run before a rollout starts any process: checks their options, creates their
/// credentials once, starts (or replaces) their containers and waits until each accepts connections. A resource
/// whose URL the app's config sets is external: Wharf runs nothing for it. Any failure is a
/// <see cref="DeploymentFailedException"/> with the resource's last lines; a replaced container is put back first.
/// </summary>
public sealed class ResourceProvisioner(
    IStateStore state,
    IResourceRuntime runtime,
    ResourceVault vault,
    ResourceReadiness readiness,
    ResourceTimeouts timeouts,
    TimeProvider clock,
    ILogger<ResourceProvisioner> logger)
{
    /// <summary>The links of the resources Wharf runs (external ones are left to the config), by resource name.</summary>
    public async Task<IReadOnlyDictionary<string, ResourceLink>> EnsureAsync(
        string app, AppManifest manifest, IReadOnlyDictionary<string, string> env, LiveLog log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(log);
        if (manifest.Resources.Count == 0)
        {
            return ResourceLink.None;
        }

        var settings = Validate(manifest);
        var links = new Dictionary<string, ResourceLink>(StringComparer.Ordinal);
        foreach (var resource in manifest.Resources.Values)
        {
            var kind = ResourceKinds.For(resource.Type);
            var display = $"{resource.Name} ({kind.Describe(settings[resource.Name])})";
            if (ResourceVariables.IsExternal(resource.Name, env))
            {
                await UseExternalAsync(app, resource.Name, display, log, ct);
                continue;
            }

            var (credentials, isNew) = await CredentialsAsync(app, resource, kind, ct);
            var spec = kind.Spec(app, resource.Name, settings[resource.Name], credentials);
            var instance = await EnsureRunningAsync(spec, display, kind, credentials, log, ct);
            if (isNew && kind.SetPassword(credentials) is { } setPassword)
            {
                await SetPasswordAsync(instance, setPassword, display, ct);
            }

            links[resource.Name] = kind.Link(resource.Name, credentials);
        }

        return links;
    }

    /// <summary>Every resource's options, or one failure listing every problem of every resource.</summary>
    public static IReadOnlyDictionary<string, ResourceSettings> Validate(AppManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var errors = new List<string>();
        var settings = new Dictionary<string, ResourceSettings>(StringComparer.Ordinal);
        foreach (var resource in manifest.Resources.Values)
        {
            if (ResourceKinds.For(resource.Type).Settings(resource, errors) is { } valid)
            {
                settings[resource.Name] = valid;
            }
        }

        return errors.Count == 0 ? settings : throw new DeploymentFailedException(ManifestLoader.FileName + ": " + string.Join("\n" + ManifestLoader.FileName + ": ", errors));
    }

    private async Task<(ResourceCredentials Credentials, bool IsNew)> CredentialsAsync(
        string app, ResourceManifest resource, ResourceKind kind, CancellationToken ct)
    {
        var record = await state.Resources.GetAsync(app, resource.Name, ct);
        if (record is null)
        {
            var credentials = kind.NewCredentials(resource.Name);
            var sealedBox = await vault.SealAsync(app, resource.Name, credentials, ct);
            if (await state.Resources.TryInsertAsync(new ResourceRecord(app, resource.Name, resource.Type, sealedBox, clock.GetUtcNow()), ct))
            {
                ResourceLog.CredentialsCreated(logger, app, resource.Name, kind.Name);
                return (credentials, true);
            }

            // Another server sharing the state store provisioned it a moment ago: use its credentials.
            record = await state.Resources.GetAsync(app, resource.Name, ct)
                ?? throw new InvalidOperationException($"Resource '{resource.Name}' of app '{app}' was inserted and deleted at once.");
        }

        if (record.Type != resource.Type)
        {
            var was = ResourceKinds.For(record.Type).Name;
            throw new DeploymentFailedException(
                $"Resource {resource.Name} is a {kind.Name} resource in wharf.yml, but app '{app}' already has a {was} resource of that name, " +
                $"with its data: give the {kind.Name} resource another name (its variables follow the name).");
        }

        return (await vault.OpenAsync(record, ct), false);
    }

    private async Task<ResourceInstance> EnsureRunningAsync(
        ResourceSpec spec, string display, ResourceKind kind, ResourceCredentials credentials, LiveLog log, CancellationToken ct)
    {
        var existing = await runtime.GetAsync(spec.App, spec.Name, ct);
        if (existing is null)
        {
            await log.WriteAsync($"Resource {display}: starting it from {spec.Image} ...");
            return await StartNewAsync(spec, display, kind, credentials, log, ct);
        }

        if (existing.Fingerprint != spec.Fingerprint())
        {
            return await ReplaceAsync(existing, spec, display, kind, credentials, log, ct);
        }

        if (existing.State == ResourceState.Stopped)
        {
            await log.WriteAsync($"Resource {display}: its container was stopped; starting it again ...");
            await runtime.StartAsync(existing, ct);
        }

        return await readiness.WaitAsync(existing, display, kind, credentials, log, ct);
    }

    private async Task<ResourceInstance> StartNewAsync(
        ResourceSpec spec, string display, ResourceKind kind, ResourceCredentials credentials, LiveLog log, CancellationToken ct)
    {
        var created = await CreateAsync(spec, display, ct);
        try
        {
            return await readiness.WaitAsync(created, display, kind, credentials, log, ct);
        }
        catch
        {
            // A new container that never became ready would only crash-loop under its restart policy; the volume stays.
            await runtime.RemoveAsync(created, TimeSpan.Zero, CancellationToken.None);
            throw;
        }
    }

    private async Task<ResourceInstance> ReplaceAsync(
        ResourceInstance existing, ResourceSpec spec, string display, ResourceKind kind, ResourceCredentials credentials, LiveLog log, CancellationToken ct)
    {
        var change = existing.Image == spec.Image ? "its settings changed" : $"{existing.Image} becomes {spec.Image}";
        await log.WriteAsync($"Resource {display}: {change}; replacing its container (the data stays in volume {existing.Volume}) ...");
        ResourceLog.Replacing(logger, spec.App, spec.Name);
        await runtime.SetAsideAsync(existing, timeouts.Grace, ct);
        ResourceInstance? created = null;
        try
        {
            created = await CreateAsync(spec, display, ct);
            var ready = await readiness.WaitAsync(created, display, kind, credentials, log, ct);
            await runtime.RemoveAsync(existing, TimeSpan.Zero, CancellationToken.None);
            return ready;
        }
        catch
        {
            if (created is not null)
            {
                await runtime.RemoveAsync(created, TimeSpan.Zero, CancellationToken.None);
            }

            // The previous release keeps running against the previous container, with the same data.
            await runtime.ReinstateAsync(existing, CancellationToken.None);
            ResourceLog.Reinstated(logger, spec.App, spec.Name);
            await log.WriteAsync($"Resource {spec.Name}: put the previous container ({existing.Image}) back");
            throw;
        }
    }

    private async Task<ResourceInstance> CreateAsync(ResourceSpec spec, string display, CancellationToken ct)
    {
        try
        {
            return await runtime.CreateAsync(spec, ct);
        }
        catch (ResourceImageMissingException e)
        {
            throw new DeploymentFailedException(
                $"Resource {display} cannot start: {e.Message}. Without a registry, the images this machine has are the ones the set-up " +
                "built (postgres:15 and redis:7, see scripts/lib/images.sh): use one of those versions, or load the image into the engine.", e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not DeploymentFailedException)
        {
            throw new DeploymentFailedException($"Starting resource {display} failed: {e.Message}", e);
        }
    }

    private async Task SetPasswordAsync(ResourceInstance instance, ResourceCommandLine command, string display, CancellationToken ct)
    {
        var result = await ResourceCommands.RunAsync(runtime, instance, command, ct);
        if (result.ExitCode != 0)
        {
            throw new DeploymentFailedException(
                $"Resource {display} runs, but setting its new password failed (exit code {result.ExitCode.ToString(CultureInfo.InvariantCulture)}): {result.Stderr.Trim()}");
        }
    }

    private async Task UseExternalAsync(string app, string name, string display, LiveLog log, CancellationToken ct)
    {
        var key = ResourceVariables.UrlKey(name);
        var existing = await runtime.GetAsync(app, name, ct);
        if (existing is null)
        {
            await log.WriteAsync($"Resource {display}: {key} is set in the app's config, so the app uses that; Wharf runs none");
            return;
        }

        await log.WriteAsync(
            $"Resource {display}: {key} is set in the app's config, so the app uses that; stopping Wharf's container (its data stays in volume {existing.Volume})");
        await runtime.RemoveAsync(existing, timeouts.Grace, ct);
        ResourceLog.External(logger, app, name);
    }
}
