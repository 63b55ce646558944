using Wharf.Storage;

namespace Wharf.Server;

/// <summary>
/// How `wharf server` runs. Every member defaults from its environment variable (see <see cref="ServerSettings"/>),
/// so <c>new ServerOptions { DataDirectory = dir }</c> still honours WHARF_STATE, WHARF_BLOBS and the rest.
/// </summary>
public sealed record ServerOptions
{
    public const string DefaultApiUrl = "http://127.0.0.1:7070";
    public const string DefaultRouterUrl = "http://127.0.0.1:8080";

    /// <summary>Where state.db, blobs/, keys/ and admin.token live: $WHARF_DATA, else ~/.local/share/wharf.</summary>
    public string DataDirectory { get; init; } = ServerSettings.DefaultDataDirectory(Environment.GetEnvironmentVariable);

    /// <summary>Where the HTTP API listens.</summary>
    public string ApiUrl { get; init; } = ServerSettings.FromEnvironment(ServerSettings.ApiUrlVariable) ?? DefaultApiUrl;

    /// <summary>Where the router serves apps over plain HTTP, e.g. http://127.0.0.1:8080.</summary>
    public string RouterUrl { get; init; } = ServerSettings.FromEnvironment(ServerSettings.RouterUrlVariable) ?? DefaultRouterUrl;

    /// <summary>Where the router also serves apps over HTTPS (imported certificates, else self-signed ones); null for none.</summary>
    public string? RouterHttpsUrl { get; init; } = ServerSettings.FromEnvironment(ServerSettings.RouterHttpsUrlVariable);

    /// <summary>The router answers plain-HTTP requests with a redirect to <see cref="RouterHttpsUrl"/>.</summary>
    public bool RedirectHttps { get; init; } = ServerSettings.IsTrue(ServerSettings.FromEnvironment(ServerSettings.RedirectHttpsVariable));

    /// <summary>
    /// Start the router (or reuse the one already running for this data directory) before the API serves.
    /// False with WHARF_ROUTER=none or --no-router: apps then get no traffic from this machine's router.
    /// </summary>
    public bool StartRouter { get; init; } = ServerSettings.RouterEnabled(ServerSettings.FromEnvironment(ServerSettings.RouterVariable));

    /// <summary>Which state, blob and key stores to use. Its own DataDirectory is ignored: <see cref="DataDirectory"/> wins.</summary>
    public StorageOptions Storage { get; init; } = ServerSettings.StorageFromEnvironment();

    /// <summary>The storage options as used: <see cref="Storage"/> rooted at <see cref="DataDirectory"/>.</summary>
    public StorageOptions EffectiveStorage => Storage with { DataDirectory = DataDirectory };

    /// <summary>Every problem with these options, each a sentence saying where it comes from and what to do.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            problems.Add($"The data directory is empty: pass --data DIR or set {ServerSettings.DataVariable}.");
        }

        CheckUrl(problems, ApiUrl, "API", "--api", ServerSettings.ApiUrlVariable);
        CheckUrl(problems, RouterUrl, "router", "--router", ServerSettings.RouterUrlVariable, Uri.UriSchemeHttp);
        if (RouterHttpsUrl is not null)
        {
            CheckUrl(problems, RouterHttpsUrl, "router's HTTPS", "--router-https", ServerSettings.RouterHttpsUrlVariable, Uri.UriSchemeHttps);
        }
        else if (RedirectHttps)
        {
            problems.Add($"--redirect-https ({ServerSettings.RedirectHttpsVariable}) needs an HTTPS listener to redirect to: add --router-https URL, e.g. https://127.0.0.1:8443.");
        }

        CheckDistinctPorts(problems);
        if (!string.IsNullOrWhiteSpace(DataDirectory))
        {
            problems.AddRange(StorageFactory.Validate(EffectiveStorage).Select(p => "Storage: " + p));
        }

        return problems;
    }

    private static void CheckUrl(List<string> problems, string? url, string what, string flag, string variable, string? scheme = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.AbsolutePath != "/")
        {
            problems.Add($"The {what} URL '{url}' is not an http:// or https:// address without a path, e.g. http://127.0.0.1:7070: fix {flag} or {variable}.");
        }
        else if (scheme is not null && uri.Scheme != scheme)
        {
            var example = scheme == Uri.UriSchemeHttps ? "https://127.0.0.1:8443" : DefaultRouterUrl;
            problems.Add($"The {what} URL '{url}' must start with {scheme}://, e.g. {example}: fix {flag} or {variable}.");
        }
    }

    /// <summary>The API and the router's listeners are separate sockets: one port each (port 0, "any free port", is left alone).</summary>
    private void CheckDistinctPorts(List<string> problems)
    {
        var listeners = new List<(string Flag, string Url)> { ("--api", ApiUrl), ("--router", RouterUrl) };
        if (RouterHttpsUrl is not null)
        {
            listeners.Add(("--router-https", RouterHttpsUrl));
        }

        var ports = listeners
            .Select(l => (l.Flag, Port: Uri.TryCreate(l.Url, UriKind.Absolute, out var uri) ? uri.Port : 0))
            .Where(l => l.Port > 0)
            .ToList();
        foreach (var clash in ports.GroupBy(l => l.Port).Where(g => g.Count() > 1))
        {
            problems.Add($"{string.Join(" and ", clash.Select(l => l.Flag))} both use port {clash.Key}: give each its own port.");
        }
    }
}
