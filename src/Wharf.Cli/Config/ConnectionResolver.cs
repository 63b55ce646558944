namespace Wharf.Cli.Config;

/// <summary>Decides which server and token to use: WHARF_URL / WHARF_TOKEN win over the saved config.</summary>
internal sealed class ConnectionResolver(ConfigStore store, CliEnvironment environment)
{
    public Connection Resolve()
    {
        var saved = store.Load();
        var url = environment.Get("WHARF_URL") ?? saved.Url;
        var token = environment.Get("WHARF_TOKEN") ?? saved.Token;
        if (url is null || token is null)
        {
            throw new CliException(
                "Not logged in: run `wharf login URL` (or set WHARF_URL and WHARF_TOKEN).", ExitCodes.NotAuthorized);
        }

        if (!ServerUrl.TryParse(url, out var uri))
        {
            var source = environment.Get("WHARF_URL") is null ? store.Path : "WHARF_URL";
            throw new CliException($"The server URL '{url}' from {source} is not an http(s) URL such as http://127.0.0.1:7070.");
        }

        return new Connection(uri, token);
    }
}
