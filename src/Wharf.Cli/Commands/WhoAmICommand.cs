using System.CommandLine;
using Spectre.Console;
using Wharf.Cli.Config;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf whoami</c>: who the saved (or WHARF_TOKEN) token is, and on which server.</summary>
internal sealed class WhoAmICommand : Command
{
    private readonly Option<bool> _json = CommonOptions.Json();

    public WhoAmICommand(CliContext context)
        : base("whoami", "Show the token's name and role, and the server it is for")
    {
        Options.Add(_json);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var me = await client.WhoAmIAsync(ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(me);
            }

            context.Out.MarkupLineInterpolated(
                $"[bold]{me.Name}[/] (role {me.Role}) at {ServerUrl.Display(client.Url)}, server version {me.ServerVersion}");
            return ExitCodes.Ok;
        }));
    }
}
