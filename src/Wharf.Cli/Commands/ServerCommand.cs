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

    public ServerCommand(CliContext context)
        : base("server", "Run the Wharf server (API, and later the router) in the foreground")
    {
        Options.Add(_data);
        Options.Add(_api);
        Options.Add(_router);
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

            try
            {
                await WharfServer.RunAsync(options, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C is how this command is meant to end.
            }

            return ExitCodes.Ok;
        }));
    }
}
