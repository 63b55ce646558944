using System.CommandLine;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf certs remove THUMBPRINT</c>.</summary>
internal sealed class CertsRemoveCommand : Command
{
    private readonly Argument<string> _thumbprint = new("THUMBPRINT") { Description = "The certificate's thumbprint, as `wharf certs` lists it" };

    public CertsRemoveCommand(CliContext context)
        : base("remove", "Remove an imported certificate; its hosts get self-signed ones again")
    {
        Arguments.Add(_thumbprint);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var thumbprint = result.GetRequiredValue(_thumbprint);
            await client.DeleteCertificateAsync(thumbprint, ct);
            context.WriteLine($"Removed certificate {thumbprint}.");
            return ExitCodes.Ok;
        }));
    }
}
