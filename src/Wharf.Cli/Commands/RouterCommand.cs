using System.CommandLine;
using Wharf.Server;
using Wharf.Server.Routing;

namespace Wharf.Cli.Commands;

/// <summary>
/// <c>wharf router</c>: runs the router (apps' traffic) in the foreground. `wharf server` starts one in the
/// background by itself; run this by hand only with `wharf server --no-router`, or to try listeners out.
/// </summary>
internal sealed class RouterCommand : Command
{
    private readonly Option<string> _data = new("--data")
    {
        Description = "The server's data directory; the router keeps its files in DATA/router (default: $WHARF_DATA or ~/.local/share/wharf)",
        HelpName = "DIR",
    };

    private readonly Option<string[]> _http = new("--http")
    {
        Description = "A plain-HTTP listener for apps, repeatable (default: $WHARF_ROUTER_URL or http://127.0.0.1:8080)",
        HelpName = "URL",
    };

    private readonly Option<string[]> _https = new("--https")
    {
        Description = "An HTTPS listener, repeatable: imported certificates (`wharf certs import`), else self-signed ones",
        HelpName = "URL",
    };

    private readonly Option<bool> _redirect = new("--redirect-https")
    {
        Description = "Answer plain-HTTP requests with a redirect to the HTTPS listener",
    };

    public RouterCommand(CliContext context)
        : base("router", "Run the router (apps' traffic) in the foreground; `wharf server` starts one by itself")
    {
        Options.Add(_data);
        Options.Add(_http);
        Options.Add(_https);
        Options.Add(_redirect);
        SetAction(async (result, ct) =>
        {
            var environment = context.Environment;
            var data = result.GetValue(_data) is { } given
                ? Path.GetFullPath(given, environment.CurrentDirectory)
                : ServerSettings.DefaultDataDirectory(environment.Get);
            string[] http = result.GetValue(_http) is { Length: > 0 } urls
                ? urls
                : [environment.Get(ServerSettings.RouterUrlVariable) ?? ServerOptions.DefaultRouterUrl];
            var options = RouterArguments.Create(data, http, result.GetValue(_https) ?? [], result.GetValue(_redirect));
            using var error = new StringWriter();
            var code = await RouterProgram.RunAsync(options, error, ct);
            if (error.ToString().TrimEnd() is { Length: > 0 } message)
            {
                context.WriteErrorLine(message);
            }

            return code == 0 ? ExitCodes.Ok : ExitCodes.Error;
        });
    }
}
