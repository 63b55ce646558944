using Wharf.Core.Resources;
using Wharf.Manifest;
using Wharf.Runtime.Docker.Runtime;

namespace Wharf.Runtime.Docker.Resources;

/// <summary>
/// The labels of resource containers and volumes. They carry wharf.managed and wharf.app like processes, but no
/// service, release or kind, so the process runtime never takes them for processes.
/// </summary>
internal static class ResourceLabels
{
    public const string Resource = "wharf.resource";

    /// <summary>postgres or redis.</summary>
    public const string Type = "wharf.resource.type";

    /// <summary>The <see cref="ResourceSpec.Fingerprint"/> the container was made from.</summary>
    public const string Fingerprint = "wharf.resource.fingerprint";

    public static Dictionary<string, string> For(string app, string resource, ResourceType type) => new()
    {
        [ProcessLabels.Managed] = ProcessLabels.ManagedValue,
        [ProcessLabels.App] = app,
        [Resource] = resource,
        [Type] = TypeName(type),
    };

    public static string TypeName(ResourceType type) => ResourceKinds.For(type).Name;

    public static ResourceType? ParseType(string? name) => name switch
    {
        "postgres" => ResourceType.Postgres,
        "redis" => ResourceType.Redis,
        _ => null,
    };

    /// <summary>True for labels Wharf put on a resource of this app (any app when null).</summary>
    public static bool AreResource(IReadOnlyDictionary<string, string>? labels, string? app = null) =>
        labels is not null
        && labels.GetValueOrDefault(ProcessLabels.Managed) == ProcessLabels.ManagedValue
        && labels.TryGetValue(ProcessLabels.App, out var owner) && owner.Length > 0 && (app is null || owner == app)
        && labels.TryGetValue(Resource, out var name) && name.Length > 0
        && ParseType(labels.GetValueOrDefault(Type)) is not null;
}
