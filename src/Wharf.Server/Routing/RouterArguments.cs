using Wharf.Router;

namespace Wharf.Server.Routing;

/// <summary>
/// The command line of the router process, <c>router --data DIR --http URL [--https URL] [--redirect-https]</c>:
/// what <see cref="RouterLaunch"/> writes and what `dotnet Wharf.Server.dll router` and `wharf router` read.
/// </summary>
public static class RouterArguments
{
    public const string Command = "router";

    /// <summary>The arguments after <see cref="Command"/> that run a router with <paramref name="options"/>.</summary>
    public static IReadOnlyList<string> Format(RouterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var args = new List<string> { "--data", options.DataDirectory };
        foreach (var url in options.HttpUrls)
        {
            args.AddRange(["--http", url]);
        }

        foreach (var url in options.HttpsUrls)
        {
            args.AddRange(["--https", url]);
        }

        if (options.RedirectToHttps)
        {
            args.Add("--redirect-https");
        }

        return args;
    }

    /// <summary>
    /// Reads the arguments after <see cref="Command"/>. --data defaults to the server's data directory
    /// ($WHARF_DATA, else ~/.local/share/wharf), --http to $WHARF_ROUTER_URL or http://127.0.0.1:8080.
    /// </summary>
    /// <exception cref="ServerStartupException">Every problem with the arguments, each a sentence.</exception>
    public static RouterOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var problems = new List<string>();
        string? data = null;
        var http = new List<string>();
        var https = new List<string>();
        var redirect = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--redirect-https")
            {
                redirect = true;
                continue;
            }

            if (arg is not ("--data" or "--http" or "--https"))
            {
                problems.Add($"Unknown argument '{arg}': the router takes --data DIR, --http URL, --https URL and --redirect-https.");
                continue;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problems.Add($"{arg} needs a value, e.g. {arg} {(arg == "--data" ? "/var/lib/wharf" : arg == "--http" ? ServerOptions.DefaultRouterUrl : "https://127.0.0.1:8443")}.");
                continue;
            }

            var value = args[++i];
            switch (arg)
            {
                case "--data":
                    data = value;
                    break;
                case "--http":
                    http.Add(value);
                    break;
                default:
                    https.Add(value);
                    break;
            }
        }

        var options = Create(
            data ?? ServerSettings.DefaultDataDirectory(environment),
            http.Count > 0 ? http : [environment(ServerSettings.RouterUrlVariable) is { Length: > 0 } url ? url : ServerOptions.DefaultRouterUrl],
            https,
            redirect);
        problems.AddRange(Validate(options));
        return problems.Count > 0 ? throw new ServerStartupException(problems) : options;
    }

    /// <summary>The router's options for a server with <paramref name="server"/>'s data directory and listeners.</summary>
    public static RouterOptions For(ServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return Create(server.DataDirectory, [server.RouterUrl], server.RouterHttpsUrl is { } https ? [https] : [], server.RedirectHttps);
    }

    public static RouterOptions Create(string dataDirectory, IReadOnlyList<string> http, IReadOnlyList<string> https, bool redirect) => new()
    {
        DataDirectory = Path.GetFullPath(dataDirectory),
        HttpUrls = http,
        HttpsUrls = https,
        RedirectToHttps = redirect,
    };

    /// <summary>Every problem with the options, each a sentence naming the flag to fix.</summary>
    public static IReadOnlyList<string> Validate(RouterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.HttpUrls.Count == 0 && options.HttpsUrls.Count == 0)
        {
            problems.Add("The router has no listener: give --http URL or --https URL.");
        }

        foreach (var url in options.HttpUrls)
        {
            CheckUrl(problems, url, Uri.UriSchemeHttp, "--http", ServerOptions.DefaultRouterUrl);
        }

        foreach (var url in options.HttpsUrls)
        {
            CheckUrl(problems, url, Uri.UriSchemeHttps, "--https", "https://127.0.0.1:8443");
        }

        if (options.RedirectToHttps && options.HttpsUrls.Count == 0)
        {
            problems.Add("--redirect-https needs an HTTPS listener to redirect to: add --https URL.");
        }

        return problems;
    }

    private static void CheckUrl(List<string> problems, string url, string scheme, string flag, string example)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != scheme || uri.AbsolutePath != "/")
        {
            problems.Add($"{flag} '{url}' is not a {scheme}:// address without a path, e.g. {example}.");
        }
    }
}
