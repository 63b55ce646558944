using System.CommandLine;
using Wharf.Server;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf server</c>: runs the API server in the foreground until Ctrl+C or SIGTERM.</summary>
internal sealed class ServerCommand : Command
{
    private readonly Option<string> _data = new("--data")
    {
        Description = "Where state, blobs and admin.token live (default: $WHARF_DATA or ~/.local/share/wharf)",
        HelpName = "DIR",
    };

    private readonly Option<string> _api = new("--api")
    {
        Description = "The URL the HTTP API listens on (default: http://127.0.0.1:7070)",
        HelpName = "URL",
    };

    private readonly Option<string> _router = new("--router")
    {
        Description = "The URL the router listens on for app traffic (default: http://127.0.0.1:8080)",
        HelpName = "URL",
    };

    private readonly Option<string> _routerHttps = new("--router-https")
    {
        Description = "Also serve apps over HTTPS here, e.g. https://0.0.0.0:443 (default: $WHARF_ROUTER_HTTPS_URL, else none)",
        HelpName = "URL",
    };

    private readonly Option<bool> _redirectHttps = new("--redirect-https")
    {
        Description = "The router redirects plain-HTTP requests to the HTTPS listener (needs --router-https)",
    };

    private readonly Option<bool> _noRouter = new("--no-router")
    {
        Description = "Do not start (or reuse) a router: apps get no traffic from this machine (also WHARF_ROUTER=none)",
    };

    public ServerCommand(CliContext context)
        : base("server", "Run the Wharf server in the foreground; it starts the router in the background (which keeps running)")
    {
        Options.Add(_data);
        Options.Add(_api);
        Options.Add(_router);
        Options.Add(_routerHttps);
        Options.Add(_redirectHttps);
        Options.Add(_noRouter);
        SetAction((result, ct) => context.RunAsync(async () =>
        {
            var options = new ServerOptions();
            if (result.GetValue(_data) is { } data)
            {
                options = options with { DataDirectory = Path.GetFullPath(data, context.Environment.CurrentDirectory) };
            }

            if (result.GetValue(_api) is { } api)
            {
                options = options with { ApiUrl = api };
            }

            if (result.GetValue(_router) is { } router)
            {
                options = options with { RouterUrl = router };
            }

            if (result.GetValue(_routerHttps) is { } routerHttps)
            {
                options = options with { RouterHttpsUrl = routerHttps };
            }

            if (result.GetValue(_redirectHttps))
            {
                options = options with { RedirectHttps = true };
            }

            if (result.GetValue(_noRouter))
            {
                options = options with { StartRouter = false };
            }

            try
            {
                await WharfServer.RunAsync(options, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C is how this command is meant to end.
            }
            catch (ServerStartupException e)
            {
                throw new CliException(e.Message);
            }

            return ExitCodes.Ok;
        }));
    }
}
