using Wharf.Core.Errors;
using Wharf.Core.Releases;
using Wharf.Core.Resources;
using Wharf.Core.Runtime;
using Wharf.Manifest;

namespace Wharf.Core.Processes;

/// <summary>
/// Turns a release's service into what the runtime starts. Shared by rollouts, the reconciler, one-offs and timers,
/// so every process of a release gets the same image, command, environment and limits.
/// </summary>
public static class ProcessSpecFactory
{
    /// <param name="env">The release's decrypted config; every key is passed, declared defaults fill the gaps.</param>
    /// <param name="images">The release build's images (service → image); services with <c>image:</c> use that instead.</param>
    /// <param name="command">Replaces the service's command (one-offs, timers).</param>
    /// <param name="resources">The app's provisioned resources; the service gets the variables of those it names.</param>
    /// <exception cref="WharfValidationException">The service is unknown, has no image, or a required variable is not set.</exception>
    public static ProcessSpec Create(
        Release release,
        string service,
        IReadOnlyDictionary<string, string> env,
        AppManifest manifest,
        IReadOnlyDictionary<string, string> images,
        ProcessKind kind = ProcessKind.Service,
        string? timer = null,
        IReadOnlyList<string>? command = null,
        IReadOnlyDictionary<string, ResourceLink>? resources = null)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(images);
        if (!manifest.Services.TryGetValue(service, out var definition))
        {
            throw WharfValidationException.For(
                "service",
                $"Release {release.Version} of app '{release.App}' has no service '{service}'; its services are: {string.Join(", ", manifest.Services.Keys)}.");
        }

        return new ProcessSpec
        {
            App = release.App,
            Service = service,
            Release = release.Version,
            Image = ImageFor(release, definition, images),
            Kind = kind,
            Timer = timer,
            Command = command ?? definition.Command?.Arguments,
            Environment = Environment(release, manifest, definition, env, resources),
            Port = definition.Port,
            MemoryBytes = definition.Scale.MemoryBytes,
            CpuMillicores = definition.Scale.CpuMillicores,
        };
    }

    /// <summary>
    /// The config, then the variables of the resources the service names (see <see cref="ResourceVariables"/>), then the
    /// manifest's defaults, each only for keys not set before it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment(
        Release release,
        AppManifest manifest,
        ServiceManifest service,
        IReadOnlyDictionary<string, string> env,
        IReadOnlyDictionary<string, ResourceLink>? resources = null)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(env);
        var values = new Dictionary<string, string>(env, StringComparer.Ordinal);
        ResourceVariables.AddTo(values, manifest, service, resources);
        var missing = new List<string>();
        foreach (var declaration in manifest.EnvironmentFor(service))
        {
            if (values.ContainsKey(declaration.Key))
            {
                continue;
            }

            if (declaration.Default is { } value)
            {
                values[declaration.Key] = value;
            }
            else
            {
                missing.Add(declaration.Key);
            }
        }

        if (missing.Count > 0)
        {
            var keys = string.Join(", ", missing);
            throw WharfValidationException.For(
                "environment",
                $"Service '{service.Name}' of app '{release.App}' needs {keys}, which {(missing.Count == 1 ? "is" : "are")} not set in release {release.Version}: " +
                $"run `wharf env set -a {release.App} {string.Join(' ', missing.Select(k => k + "=..."))}`.");
        }

        return values;
    }

    private static string ImageFor(Release release, ServiceManifest service, IReadOnlyDictionary<string, string> images)
    {
        if (service.Image is { } image)
        {
            return image;
        }

        return images.TryGetValue(service.Name, out var built)
            ? built
            : throw WharfValidationException.For(
                "service",
                $"Release {release.Version} of app '{release.App}' has no image for service '{service.Name}': deploy the app to build one.");
    }
}
