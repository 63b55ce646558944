using System.CommandLine;
using Spectre.Console;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf tokens create NAME --role read|deploy|admin</c>: the secret is shown this once.</summary>
internal sealed class TokensCreateCommand : Command
{
    private readonly Argument<string> _name = new("NAME") { Description = "What the token is for, e.g. ci" };
    private readonly Option<string> _role = new("--role", "-r")
    {
        Description = "read: look only; deploy: also change apps and config; admin: also tokens, audit, deletes",
        HelpName = "ROLE",
        Required = true,
    };

    private readonly Option<bool> _json = CommonOptions.Json();

    public TokensCreateCommand(CliContext context)
        : base("create", "Create an API token and print its secret once")
    {
        _role.AcceptOnlyFromAmong("read", "deploy", "admin");
        Arguments.Add(_name);
        Options.Add(_role);
        Options.Add(_json);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var token = await client.CreateTokenAsync(result.GetRequiredValue(_name), result.GetRequiredValue(_role), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(token);
            }

            context.Out.MarkupLineInterpolated($"Created token [bold]{token.Name}[/] ({token.Id}) with role {token.Role}.");
            context.Out.MarkupLine("[yellow]Its secret is shown only now; store it somewhere safe:[/]");
            context.WriteLine(token.Secret ?? "");
            return ExitCodes.Ok;
        }));
    }
}
