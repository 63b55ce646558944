using System.Text.Json;
using Wharf.Cli.Client;
using Wharf.Core.Api;

namespace Wharf.Cli.Processes;

/// <summary>
/// Plays back the NDJSON stream of `wharf run` and `wharf exec`: each output line to this process's stdout or
/// stderr as it arrives, then the remote process's exit code, which becomes the CLI's own.
/// </summary>
internal sealed class ProcessStreamPrinter(CliContext context, WharfClient client)
{
    public async Task<int> PrintAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var stdout = context.OutWriter;
        var stderr = context.ErrorWriter;
        await foreach (var line in TextLines.ReadAsync(client, response, ct))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var item = Parse(line);
            switch (item.Type)
            {
                case ProcessStreamEvent.OutputType:
                    var writer = item.Stream == "stderr" ? stderr : stdout;
                    await writer.WriteLineAsync(item.Text);
                    await writer.FlushAsync(ct);
                    break;
                case ProcessStreamEvent.ExitType:
                    return item.Code ?? ExitCodes.Error;
                case ProcessStreamEvent.ErrorType:
                    throw new CliException(item.Text ?? "The server could not finish the command.");
                default:
                    // A kind of event this CLI does not know yet: newer servers may add some.
                    break;
            }
        }

        throw new CliException("The server ended the output before the command's exit code arrived; whether it succeeded is unknown.");
    }

    private static ProcessStreamEvent Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, ApiJson.Info<ProcessStreamEvent>())
                ?? throw new JsonException("the line was null");
        }
        catch (JsonException e)
        {
            throw new CliException($"The server sent a line that is not a process event ({e.Message}): {line}");
        }
    }
}
