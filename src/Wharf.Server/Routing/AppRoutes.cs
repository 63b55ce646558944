using Wharf.Core.Api;
using Wharf.Core.Errors;
using Wharf.Core.Processes;

namespace Wharf.Server.Routing;

/// <summary>
/// The URLs an app answers on through the router: for each public service of its current release (a port, not
/// <c>internal</c>), <c>SERVICE.APP.BASE</c> and its <c>domain:</c> names (wildcards left out) on every router
/// listener. The base domain is the "Routing:BaseDomain" setting (default "localhost", which resolves to this
/// machine in curl and browsers).
/// </summary>
public sealed class AppRoutes(ReleaseSnapshotLoader releases, ServerOptions options, IConfiguration configuration)
{
    public const string DefaultBaseDomain = "localhost";

    public string BaseDomain =>
        configuration["Routing:BaseDomain"] is { Length: > 0 } domain ? domain.Trim().TrimEnd('.').ToLowerInvariant() : DefaultBaseDomain;

    public async Task<IReadOnlyList<AppRoute>> ForAsync(string app, CancellationToken ct = default)
    {
        ReleaseSnapshot? current;
        try
        {
            current = await releases.CurrentAsync(app, ct);
        }
        catch (ConflictException)
        {
            // The current release's wharf.yml no longer reads with its config: it has no routes worth showing.
            return [];
        }

        if (current is null)
        {
            return [];
        }

        var listeners = Listeners();
        var routes = new List<AppRoute>();
        foreach (var service in current.Manifest.Services.Values.Where(s => s.Port is not null && !s.Internal))
        {
            var hosts = service.Domains.Where(d => !d.StartsWith("*.", StringComparison.Ordinal)).Prepend($"{service.Name}.{app}.{BaseDomain}");
            foreach (var host in hosts.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                routes.AddRange(listeners.Select(listener => new AppRoute(service.Name, Url(listener, host))));
            }
        }

        return routes;
    }

    /// <summary>The router's listeners as users reach them; with a redirect to HTTPS, only the HTTPS one.</summary>
    private List<Uri> Listeners()
    {
        var listeners = new List<Uri>();
        if (!(options.RedirectHttps && options.RouterHttpsUrl is not null) && Uri.TryCreate(options.RouterUrl, UriKind.Absolute, out var http))
        {
            listeners.Add(http);
        }

        if (options.RouterHttpsUrl is { } https && Uri.TryCreate(https, UriKind.Absolute, out var secure))
        {
            listeners.Add(secure);
        }

        return listeners;
    }

    private static string Url(Uri listener, string host) =>
        listener.IsDefaultPort ? $"{listener.Scheme}://{host}/" : $"{listener.Scheme}://{host}:{listener.Port}/";
}
