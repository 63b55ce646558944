using System.CommandLine;
using Spectre.Console;
using Wharf.Cli.Client;
using Wharf.Cli.Config;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf login URL [--token T]</c>: checks the token against the server, then saves both.</summary>
internal sealed class LoginCommand : Command
{
    private readonly CliContext _context;
    private readonly Argument<string> _url = new("URL") { Description = "The Wharf server, e.g. http://127.0.0.1:7070" };
    private readonly Option<string> _token = new("--token", "-t")
    {
        Description = "The API token (asked for when omitted and stdin is a terminal)",
        HelpName = "TOKEN",
    };

    public LoginCommand(CliContext context)
        : base("login", "Log in to a Wharf server and save the URL and token")
    {
        _context = context;
        Arguments.Add(_url);
        Options.Add(_token);
        SetAction((result, ct) => context.RunAsync(() => ExecuteAsync(result, ct)));
    }

    private async Task<int> ExecuteAsync(ParseResult result, CancellationToken ct)
    {
        var text = result.GetRequiredValue(_url);
        if (!ServerUrl.TryParse(text, out var url))
        {
            throw new CliException($"'{text}' is not an http(s) URL such as http://127.0.0.1:7070.", ExitCodes.Usage);
        }

        var token = result.GetValue(_token) ?? AskForToken();
        using var client = WharfClient.Create(new Connection(url, token.Trim()));
        var me = await VerifyAsync(client, ct);
        _context.Config.Save(new CliConfig(ServerUrl.Display(url), token.Trim()));
        _context.Out.MarkupLineInterpolated(
            $"Logged in to [bold]{ServerUrl.Display(url)}[/] as [bold]{me.Name}[/] (role {me.Role}, server {me.ServerVersion}).");
        _context.Out.MarkupLineInterpolated($"[grey]Saved to {_context.Config.Path}[/]");
        return ExitCodes.Ok;
    }

    private string AskForToken()
    {
        if (!_context.Out.Profile.Capabilities.Interactive)
        {
            throw new CliException(
                "No token given and stdin is not a terminal to ask on: pass --token TOKEN.", ExitCodes.Usage);
        }

        return _context.Out.Ask("API token:", secret: true);
    }

    private static async Task<Core.Api.WhoAmI> VerifyAsync(WharfClient client, CancellationToken ct)
    {
        try
        {
            return await client.WhoAmIAsync(ct);
        }
        catch (WharfApiException e) when (e.Status == 401)
        {
            throw new CliException(
                $"The server at {e.Server} rejected the token, so nothing was saved. The admin token is in "
                + "DATA/admin.token on the server; other tokens come from `wharf tokens create`.",
                ExitCodes.NotAuthorized);
        }
    }
}
