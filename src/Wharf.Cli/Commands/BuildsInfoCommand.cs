using System.CommandLine;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf builds info -a APP N</c>.</summary>
internal sealed class BuildsInfoCommand : Command
{
    private readonly Option<string> _app;
    private readonly Argument<int> _number = CommonOptions.Number("N", "The build number");
    private readonly Option<bool> _json = CommonOptions.Json();

    public BuildsInfoCommand(CliContext context)
        : base("info", "Show one build: its status, images and error")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_json);
        Arguments.Add(_number);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var build = await client.GetBuildAsync(result.GetRequiredValue(_app), result.GetValue(_number), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(build);
            }

            context.Out.Write(Tables.Properties(
                ("Build", Formats.Number(build.Number)),
                ("App", build.App),
                ("Status", build.Status),
                ("Images", Formats.List(build.Images.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key}={i.Value}"))),
                ("Error", build.Error),
                ("Created", Formats.Time(build.CreatedAt)),
                ("Finished", Formats.Time(build.FinishedAt))));
            return ExitCodes.Ok;
        }));
    }
}
