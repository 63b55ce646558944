using System.CommandLine;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf tokens</c> lists API tokens (never their secrets); subcommands create and revoke.</summary>
internal sealed class TokensCommand : Command
{
    private readonly Option<bool> _json = CommonOptions.Json();

    public TokensCommand(CliContext context)
        : base("tokens", "List API tokens; create and revoke them (admin)")
    {
        Options.Add(_json);
        Subcommands.Add(new TokensCreateCommand(context));
        Subcommands.Add(new TokensRevokeCommand(context));
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var tokens = await client.ListTokensAsync(ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(tokens);
            }

            if (tokens.Count == 0)
            {
                context.WriteLine("No tokens besides the admin token. Create one with `wharf tokens create NAME --role deploy`.");
                return ExitCodes.Ok;
            }

            var table = Tables.Create("ID", "NAME", "ROLE", "CREATED");
            foreach (var token in tokens)
            {
                table.Row(token.Id, token.Name, token.Role, Formats.Time(token.CreatedAt));
            }

            context.Out.Write(table);
            return ExitCodes.Ok;
        }));
    }
}
