using Wharf.Manifest.Parsing;

namespace Wharf.Manifest.Validation;

/// <summary>Checks across sections, once every section has been read: references between them and shared domains.</summary>
internal static class ManifestValidator
{
    public static void Validate(ParseContext context, AppManifest manifest)
    {
        var domainOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in manifest.Services.Values)
        {
            ServiceValidator.Validate(context, service);
            ValidateResources(context, manifest, service);
            for (var i = 0; i < service.Domains.Count; i++)
            {
                var domain = service.Domains[i];
                if (domainOwners.TryGetValue(domain, out var owner))
                {
                    context.Error($"services.{service.Name}.domain[{i}]", owner == service.Name
                        ? $"domain '{domain}' is listed twice"
                        : $"domain '{domain}' is already used by service '{owner}'");
                }
                else
                {
                    domainOwners.Add(domain, service.Name);
                }
            }
        }

        foreach (var timer in manifest.Timers.Values)
        {
            if (!manifest.Services.ContainsKey(timer.Service))
            {
                context.Error($"timers.{timer.Name}.service",
                    $"timer '{timer.Name}' runs in service '{timer.Service}', which is not declared under 'services'{Suggestion.Hint(timer.Service, manifest.Services.Keys)}");
            }
        }
    }

    private static void ValidateResources(ParseContext context, AppManifest manifest, ServiceManifest service)
    {
        for (var i = 0; i < service.Resources.Count; i++)
        {
            var resource = service.Resources[i];
            if (!manifest.Resources.ContainsKey(resource))
            {
                context.Error($"services.{service.Name}.resources[{i}]",
                    $"service '{service.Name}' uses resource '{resource}', which is not declared under 'resources'{Suggestion.Hint(resource, manifest.Resources.Keys)}");
            }
        }
    }
}
