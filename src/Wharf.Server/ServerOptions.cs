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

    /// <summary>Where the router (apps' traffic) listens; used once the router lands.</summary>
    public string RouterUrl { get; init; } = ServerSettings.FromEnvironment(ServerSettings.RouterUrlVariable) ?? DefaultRouterUrl;

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
        CheckUrl(problems, RouterUrl, "router", "--router", ServerSettings.RouterUrlVariable);
        if (!string.IsNullOrWhiteSpace(DataDirectory))
        {
            problems.AddRange(StorageFactory.Validate(EffectiveStorage).Select(p => "Storage: " + p));
        }

        return problems;
    }

    private static void CheckUrl(List<string> problems, string? url, string what, string flag, string variable)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.AbsolutePath != "/")
        {
            problems.Add($"The {what} URL '{url}' is not an http:// or https:// address without a path, e.g. http://127.0.0.1:7070: fix {flag} or {variable}.");
        }
    }
}
