using System.CommandLine;
using Spectre.Console;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf tokens revoke ID</c>.</summary>
internal sealed class TokensRevokeCommand : Command
{
    private readonly Argument<string> _id = new("ID") { Description = "The token's id, as `wharf tokens` lists it" };

    public TokensRevokeCommand(CliContext context)
        : base("revoke", "Revoke an API token; it stops working at once")
    {
        Arguments.Add(_id);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var id = result.GetRequiredValue(_id);
            await client.RevokeTokenAsync(id, ct);
            context.Out.MarkupLineInterpolated($"Revoked token {id}.");
            return ExitCodes.Ok;
        }));
    }
}
