using Wharf.Core.Errors;
using Wharf.Manifest;

namespace Wharf.Core.Processes;

/// <summary>How many processes each service should run, and whether a requested scale is allowed.</summary>
public static class FormationPlanner
{
    /// <summary>Per service in manifest order: the `wharf scale` override, else the manifest's scale.count.</summary>
    public static IReadOnlyDictionary<string, int> Desired(AppManifest manifest, IReadOnlyDictionary<string, int> overrides)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(overrides);
        var desired = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, service) in manifest.Services)
        {
            var count = overrides.TryGetValue(name, out var set) ? set : service.Scale.Count;
            desired[name] = service.Singleton ? Math.Min(count, 1) : count;
        }

        return desired;
    }

    /// <summary>Checks every requested count, reporting all problems together (field = service name).</summary>
    /// <exception cref="WharfValidationException">A service is unknown or a count is not allowed.</exception>
    public static void Validate(string app, AppManifest manifest, IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(counts);
        var errors = new ValidationErrors();
        if (counts.Count == 0)
        {
            errors.Add("body", "Give at least one service and its count, e.g. {\"web\": 2}.");
        }

        foreach (var (name, count) in counts)
        {
            if (!manifest.Services.TryGetValue(name, out var service))
            {
                errors.Add(name, $"App '{app}' has no service '{name}': its services are {string.Join(", ", manifest.Services.Keys)}.");
            }
            else if (count < 0)
            {
                errors.Add(name, $"The count of '{name}' is {count}: give 0 or more processes.");
            }
            else if (service.Singleton && count > 1)
            {
                errors.Add(name, $"Service '{name}' is a singleton: it runs 0 or 1 processes, not {count}.");
            }
            else if (HasRange(service.Scale) && (count < service.Scale.Min || count > service.Scale.Max))
            {
                errors.Add(
                    name,
                    $"The count {count} of '{name}' is outside its scale range {service.Scale.Min}..{service.Scale.Max} in wharf.yml: " +
                    $"give a count from {service.Scale.Min} to {service.Scale.Max}, or change scale.min/scale.max and deploy.");
            }
        }

        errors.ThrowIfAny();
    }

    /// <summary>
    /// The manifest resolves unset bounds to the count (scale: 2 means min 2, max 2); only a range the user opened
    /// with min or max bounds `wharf scale`, so a plain count can still be scaled either way.
    /// </summary>
    private static bool HasRange(ServiceScale scale) => scale.Min != scale.Max;
}
