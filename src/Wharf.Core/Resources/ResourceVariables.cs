using System.Globalization;
using Wharf.Manifest;

namespace Wharf.Core.Resources;

/// <summary>
/// The twelve-factor link: a service that names resource <c>main</c> gets MAIN_URL, MAIN_HOST, MAIN_PORT, MAIN_USER,
/// MAIN_PASS, MAIN_NAME and ConnectionStrings__main. A MAIN_URL in the app's config means an external database:
/// it wins, the other variables are read from it, and Wharf's own container (if any) is not linked.
/// </summary>
public static class ResourceVariables
{
    /// <summary>"main" → "MAIN", "my-cache" → "MY_CACHE".</summary>
    public static string Prefix(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Replace('-', '_').ToUpperInvariant();
    }

    /// <summary>The variable whose presence in the app's config makes the resource external: "MAIN_URL".</summary>
    public static string UrlKey(string resource) => Prefix(resource) + "_URL";

    /// <summary>True when the app's config links the resource to a database of its own choosing.</summary>
    public static bool IsExternal(string resource, IReadOnlyDictionary<string, string> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        return env.TryGetValue(UrlKey(resource), out var url) && !string.IsNullOrWhiteSpace(url);
    }

    /// <summary>
    /// Adds the variables of every resource the service names to <paramref name="values"/> (the app's config). Keys
    /// the config sets itself are left alone; resources with neither an external URL nor a link add nothing.
    /// </summary>
    public static void AddTo(
        IDictionary<string, string> values, AppManifest manifest, ServiceManifest service, IReadOnlyDictionary<string, ResourceLink>? links)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(service);
        foreach (var name in service.Resources)
        {
            if (!manifest.Resources.TryGetValue(name, out var resource))
            {
                continue;
            }

            var kind = ResourceKinds.For(resource.Type);
            ResourceLink? link;
            if (values.TryGetValue(UrlKey(name), out var external) && !string.IsNullOrWhiteSpace(external))
            {
                link = kind.Parse(name, external);
            }
            else
            {
                link = links?.GetValueOrDefault(name);
            }

            if (link is not null)
            {
                foreach (var (key, value) in For(kind, link))
                {
                    values.TryAdd(key, value);
                }
            }
        }
    }

    /// <summary>Every variable of one link, in a stable order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(ResourceKind kind, ResourceLink link)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(link);
        var prefix = Prefix(link.Name);
        return
        [
            new(prefix + "_URL", link.Url),
            new(prefix + "_HOST", link.Host),
            new(prefix + "_PORT", link.Port.ToString(CultureInfo.InvariantCulture)),
            new(prefix + "_USER", link.User),
            new(prefix + "_PASS", link.Password),
            new(prefix + "_NAME", link.Database),
            new("ConnectionStrings__" + link.Name, kind.ConnectionString(link)),
        ];
    }
}
