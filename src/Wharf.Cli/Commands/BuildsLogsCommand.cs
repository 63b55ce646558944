using System.CommandLine;
using Wharf.Cli.Client;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf builds logs -a APP N</c>: the build's output, as the image builder wrote it.</summary>
internal sealed class BuildsLogsCommand : Command
{
    private readonly Option<string> _app;
    private readonly Argument<int> _number = CommonOptions.Number("N", "The build number");

    public BuildsLogsCommand(CliContext context)
        : base("logs", "Print a build's output")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Arguments.Add(_number);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            using var response = await client.OpenBuildLogAsync(result.GetRequiredValue(_app), result.GetValue(_number), ct);
            await foreach (var line in TextLines.ReadAsync(client, response, ct))
            {
                context.WriteLine(line);
            }

            return ExitCodes.Ok;
        }));
    }
}
