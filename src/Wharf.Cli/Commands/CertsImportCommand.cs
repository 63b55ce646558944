using System.CommandLine;
using Wharf.Cli.Output;
using Wharf.Core.Api;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf certs import CERT.pem KEY.pem</c>: the router serves it for the hosts it names.</summary>
internal sealed class CertsImportCommand : Command
{
    private readonly Argument<string> _certificate = new("CERT.pem") { Description = "The certificate, PEM (then any intermediates)" };
    private readonly Argument<string> _key = new("KEY.pem") { Description = "Its private key, PEM, unencrypted (sent to the server, which stores it encrypted)" };
    private readonly Option<bool> _json = CommonOptions.Json();

    public CertsImportCommand(CliContext context)
        : base("import", "Import a TLS certificate and its key; the router serves it for the hosts it names")
    {
        Arguments.Add(_certificate);
        Arguments.Add(_key);
        Options.Add(_json);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var certificatePem = await ReadAsync(context, result.GetRequiredValue(_certificate), "certificate", ct);
            var keyPem = await ReadAsync(context, result.GetRequiredValue(_key), "private key", ct);
            var certificate = await client.ImportCertificateAsync(new ImportCertificateRequest(certificatePem, keyPem), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(certificate);
            }

            context.WriteLine($"Imported certificate {certificate.Thumbprint} for {Formats.List(certificate.Hosts)}, expiring {Formats.Time(certificate.NotAfter)}.");
            return ExitCodes.Ok;
        }));
    }

    private static async Task<string> ReadAsync(CliContext context, string file, string what, CancellationToken ct)
    {
        var path = Path.GetFullPath(file, context.Environment.CurrentDirectory);
        if (!File.Exists(path))
        {
            throw new CliException($"The {what} file '{file}' does not exist: give the path of a PEM file.");
        }

        return await File.ReadAllTextAsync(path, ct);
    }
}
