using System.CommandLine;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf builds -a APP</c>: newest first.</summary>
internal sealed class BuildsCommand : Command
{
    private readonly Option<string> _app;
    private readonly Option<int?> _limit = CommonOptions.Limit("builds");
    private readonly Option<bool> _json = CommonOptions.Json();

    public BuildsCommand(CliContext context)
        : base("builds", "List an app's builds, newest first")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_limit);
        Options.Add(_json);
        Subcommands.Add(new BuildsInfoCommand(context));
        Subcommands.Add(new BuildsLogsCommand(context));
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = result.GetRequiredValue(_app);
            var builds = await client.ListBuildsAsync(app, result.GetValue(_limit), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(builds);
            }

            if (builds.Count == 0)
            {
                context.WriteLine($"{app} has no builds yet.");
                return ExitCodes.Ok;
            }

            var table = Tables.Create("BUILD", "STATUS", "IMAGES", "CREATED", "FINISHED");
            foreach (var build in builds)
            {
                table.Row(
                    Formats.Number(build.Number),
                    build.Status,
                    Formats.List(build.Images.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key}={i.Value}")),
                    Formats.Time(build.CreatedAt),
                    Formats.Time(build.FinishedAt));
            }

            context.Out.Write(table);
            return ExitCodes.Ok;
        }));
    }
}
