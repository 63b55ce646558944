using Wharf.Manifest.Parsing;
using Wharf.Manifest.Values;

namespace Wharf.Manifest.Validation;

/// <summary>Checks that a service's settings make sense together.</summary>
/// <remarks>Presence is asked of the context, not the record: a key the user set to something invalid is still "set".</remarks>
internal static class ServiceValidator
{
    public static void Validate(ParseContext context, ServiceManifest service)
    {
        var path = $"services.{service.Name}";
        bool Has(string key) => context.Has($"{path}.{key}");
        var name = service.Name;

        if (!Has("build") && !Has("image"))
        {
            context.Error(path, $"service '{name}' needs 'build' (to build it from source) or 'image' (to run a prebuilt image)");
        }
        else if (Has("build") && Has("image"))
        {
            context.Error($"{path}.image", $"service '{name}' has both 'build' and 'image'; keep only one");
        }

        ValidateScale(context, service, path);

        if (Has("health") && service.Health.Timeout >= service.Health.Interval)
        {
            context.Error($"{path}.health.timeout",
                $"health.timeout ({DurationParser.Format(service.Health.Timeout)}) must be shorter than health.interval ({DurationParser.Format(service.Health.Interval)})");
        }

        if (Has("health") && !Has("port"))
        {
            context.Error($"{path}.health", $"service '{name}' has a health check but no port to check; add 'port' or remove 'health'");
        }

        if (Has("domain") && !Has("port"))
        {
            context.Error($"{path}.domain", $"service '{name}' has a domain but no port for the router to send its traffic to; add 'port'");
        }

        if (Has("domain") && service.Internal)
        {
            context.Error($"{path}.domain", $"service '{name}' is internal, so it cannot have a domain; remove 'domain' or 'internal'");
        }
    }

    private static void ValidateScale(ParseContext context, ServiceManifest service, string path)
    {
        var scale = service.Scale;
        if (scale.Min > scale.Max)
        {
            context.Error($"{path}.scale.min", $"scale.min ({scale.Min}) must not be more than scale.max ({scale.Max})");
        }
        else if (scale.Count < scale.Min)
        {
            context.Error($"{path}.scale.count", $"scale.count ({scale.Count}) must not be less than scale.min ({scale.Min})");
        }
        else if (scale.Count > scale.Max)
        {
            context.Error($"{path}.scale.count", $"scale.count ({scale.Count}) must not be more than scale.max ({scale.Max})");
        }

        if (!service.Singleton)
        {
            return;
        }

        var why = $"service '{service.Name}' is a singleton, so";
        if (scale.Count > 1)
        {
            context.Error($"{path}.scale.count", $"{why} its scale count must be 0 or 1, got {scale.Count}");
        }
        else if (scale.Max > 1)
        {
            context.Error($"{path}.scale.max", $"{why} scale.max must be 0 or 1, got {scale.Max}");
        }

        if (service.Deployment.Maximum > 100)
        {
            context.Error($"{path}.deployment.maximum",
                $"{why} deployment.maximum must be 100, or a deploy would run two processes at once; got {service.Deployment.Maximum}");
        }
    }
}
