using System.CommandLine;
using Spectre.Console;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary>
/// <c>wharf resources export -a APP NAME [-o FILE]</c>: a pg_dump (custom format) or a Redis RDB file, streamed to
/// disk. The file appears only once the whole dump arrived, so a failed export never leaves half a file behind.
/// </summary>
internal sealed class ResourcesExportCommand : Command
{
    private readonly Option<string> _app;
    private readonly Argument<string> _name = ResourceArguments.Name();
    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Where to write the dump; - for stdout (default: APP-NAME.dump or .rdb in the current directory)",
        HelpName = "FILE",
    };

    public ResourcesExportCommand(CliContext context)
        : base("export", "Dump a resource's data to a file (pg_dump custom format, or Redis RDB)")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_output);
        Arguments.Add(_name);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = result.GetRequiredValue(_app);
            var name = result.GetRequiredValue(_name);
            using var response = await client.OpenResourceExportAsync(app, name, ct);
            var output = result.GetValue(_output);
            if (output == "-")
            {
                await using var stdout = Console.OpenStandardOutput();
                await CopyAsync(client, response, stdout, name, ct);
                return ExitCodes.Ok;
            }

            var fileName = response.Content.Headers.ContentDisposition?.FileName?.Trim('"') is { Length: > 0 } suggested
                ? Path.GetFileName(suggested)
                : $"{app}-{name}.dump";
            var path = Path.GetFullPath(output ?? fileName, context.Environment.CurrentDirectory);
            var partial = path + ".partial";
            long bytes;
            try
            {
                await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    bytes = await CopyAsync(client, response, file, name, ct);
                }

                File.Move(partial, path, overwrite: true);
            }
            finally
            {
                File.Delete(partial);
            }

            context.Out.MarkupLineInterpolated($"Exported [bold]{name}[/] of [bold]{app}[/] to {DisplayPath.Relative(context.Environment.CurrentDirectory, path)} ({Formats.Bytes(bytes)}).");
            return ExitCodes.Ok;
        }));
    }

    private static async Task<long> CopyAsync(Client.WharfClient client, HttpResponseMessage response, Stream target, string name, CancellationToken ct)
    {
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[81920];
        long total = 0;
        while (true)
        {
            int read;
            try
            {
                read = await body.ReadAsync(buffer, ct);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                throw new CliException(
                    $"The export of {name} broke off before its end (the dump failed on the server, or the connection dropped); " +
                    $"no file was written. ({client.Broken(e).Message})");
            }

            if (read == 0)
            {
                return total;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), ct);
            total += read;
        }
    }
}
