using System.Collections.ObjectModel;

namespace Wharf.Manifest;

/// <summary>A parsed and validated wharf.yml.</summary>
/// <remarks>The dictionaries keep file order, so listings and deploys follow the order the user wrote.</remarks>
public sealed record AppManifest
{
    /// <summary>Variables every service gets.</summary>
    public IReadOnlyList<EnvDeclaration> Environment { get; init; } = [];

    public IReadOnlyDictionary<string, ServiceManifest> Services { get; init; } = ReadOnlyDictionary<string, ServiceManifest>.Empty;

    public IReadOnlyDictionary<string, ResourceManifest> Resources { get; init; } = ReadOnlyDictionary<string, ResourceManifest>.Empty;

    public IReadOnlyDictionary<string, TimerManifest> Timers { get; init; } = ReadOnlyDictionary<string, TimerManifest>.Empty;

    /// <summary>The app-wide variables followed by the service's own; a service's declaration of a key replaces the app's.</summary>
    public IReadOnlyList<EnvDeclaration> EnvironmentFor(ServiceManifest service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var overridden = service.Environment.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        return [.. Environment.Where(e => !overridden.Contains(e.Key)), .. service.Environment];
    }

    /// <summary>A one-line summary such as "2 services (web, worker), 1 resource (db), 1 timer (cleanup)".</summary>
    public string Describe()
    {
        var parts = new List<string> { Count(Services.Keys, "service") };
        if (Resources.Count > 0)
        {
            parts.Add(Count(Resources.Keys, "resource"));
        }

        if (Timers.Count > 0)
        {
            parts.Add(Count(Timers.Keys, "timer"));
        }

        return string.Join(", ", parts);
    }

    private static string Count(IEnumerable<string> names, string noun)
    {
        var list = names.ToList();
        var plural = list.Count == 1 ? noun : noun + "s";
        return list.Count == 0 ? $"0 {plural}" : $"{list.Count} {plural} ({string.Join(", ", list)})";
    }
}
