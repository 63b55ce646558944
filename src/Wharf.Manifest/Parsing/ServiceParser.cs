using Wharf.Manifest.Values;
using Wharf.Manifest.Yaml;

namespace Wharf.Manifest.Parsing;

/// <summary>Reads one entry of <c>services</c>; checks that need other entries or sections come later, in validation.</summary>
internal static class ServiceParser
{
    /// <returns>The service, or null when its value is not a mapping (reported), as nothing else about it can be checked.</returns>
    public static ServiceManifest? Parse(ParseContext context, string name, ManifestNode node, string path)
    {
        var service = new ServiceManifest { Name = name };
        var fields = SectionReader.Open(context, node, path, string.Empty, ManifestKeys.Service, "a mapping of service settings");
        if (fields is null)
        {
            return null;
        }

        var singleton = fields.Bool("singleton") ?? false;
        var deploymentDefaults = singleton ? ServiceDeployment.Singleton : service.Deployment;
        return service with
        {
            Build = fields["build"] is { } build ? BuildParser.Parse(context, build, fields.PathOf("build")) : null,
            Image = Image(fields),
            Command = fields["command"] is { } command ? CommandParser.Parse(context, command, "command") : null,
            Port = fields.Int("port", 1, 65535),
            Domains = Domains(fields),
            Environment = fields["environment"] is { } environment ? EnvironmentParser.Parse(context, environment, "environment") : [],
            Health = Section(fields, "health", HealthParser.Parse) ?? service.Health,
            Scale = Section(fields, "scale", ScaleParser.Parse) ?? service.Scale,
            Resources = Resources(fields),
            Termination = Section(fields, "termination", TerminationParser.Parse) ?? service.Termination,
            Deployment = Section(fields, "deployment", (c, n, p) => DeploymentParser.Parse(c, n, p, deploymentDefaults)) ?? deploymentDefaults,
            Internal = fields.Bool("internal") ?? false,
            Singleton = singleton,
            Timeout = fields.Duration("timeout", TimeSpan.FromSeconds(1)) ?? service.Timeout,
        };
    }

    private static T? Section<T>(SectionReader fields, string key, Func<ParseContext, ManifestNode, string, T?> parse)
        where T : class =>
        fields[key] is { } node ? parse(fields.Context, node, fields.PathOf(key)) : null;

    private static string? Image(SectionReader fields)
    {
        var image = fields.String("image");
        if (image is null || !image.Any(char.IsWhiteSpace))
        {
            return image;
        }

        fields.Context.Error(fields["image"]!, $"image must be an image reference such as 'nginx:1.27' or 'registry.example.com/app:v2', got {ValueReader.Got(fields["image"]!, image)}");
        return null;
    }

    private static List<string> Domains(SectionReader fields)
    {
        if (fields["domain"] is not { } node || ValueReader.Strings(fields.Context, node, "domain") is not { } domains)
        {
            return [];
        }

        var valid = new List<string>();
        foreach (var (domain, item) in domains)
        {
            if (DnsName.IsHostname(domain))
            {
                valid.Add(domain.ToLowerInvariant());
                fields.Context.Mark($"{fields.PathOf("domain")}[{valid.Count - 1}]", item);
            }
            else
            {
                fields.Context.Error(item, $"domain '{domain}' is not a valid host name; use labels of letters, digits and '-' separated by dots, optionally starting with '*.'");
            }
        }

        return valid;
    }

    private static List<string> Resources(SectionReader fields)
    {
        if (fields["resources"] is not { } node || ValueReader.Strings(fields.Context, node, "resources", allowSingle: false) is not { } names)
        {
            return [];
        }

        var unique = new List<string>();
        foreach (var (name, item) in names)
        {
            if (unique.Contains(name, StringComparer.Ordinal))
            {
                fields.Context.Error(item, $"resource '{name}' is listed twice");
                continue;
            }

            fields.Context.Mark($"{fields.PathOf("resources")}[{unique.Count}]", item);
            unique.Add(name);
        }

        return unique;
    }
}
