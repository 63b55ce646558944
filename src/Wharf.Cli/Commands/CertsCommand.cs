using System.CommandLine;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf certs</c>: the TLS certificates the router serves (admin); subcommands import and remove them.</summary>
internal sealed class CertsCommand : Command
{
    private readonly Option<bool> _json = CommonOptions.Json();

    public CertsCommand(CliContext context)
        : base("certs", "List the TLS certificates the router serves; import and remove them (admin)")
    {
        Options.Add(_json);
        Subcommands.Add(new CertsImportCommand(context));
        Subcommands.Add(new CertsRemoveCommand(context));
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var certificates = await client.ListCertificatesAsync(ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(certificates);
            }

            if (certificates.Count == 0)
            {
                context.WriteLine("No certificates imported: the router serves HTTPS with self-signed ones. Import one with `wharf certs import CERT.pem KEY.pem`.");
                return ExitCodes.Ok;
            }

            var table = Tables.Create("THUMBPRINT", "HOSTS", "EXPIRES");
            foreach (var certificate in certificates)
            {
                table.Row(certificate.Thumbprint, Formats.List(certificate.Hosts), Formats.Time(certificate.NotAfter));
            }

            context.Out.Write(table);
            return ExitCodes.Ok;
        }));
    }
}
