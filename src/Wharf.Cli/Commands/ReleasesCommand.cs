using System.CommandLine;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf releases -a APP</c>: newest first, the current one marked.</summary>
internal sealed class ReleasesCommand : Command
{
    private readonly Option<string> _app;
    private readonly Option<int?> _limit = CommonOptions.Limit("releases");
    private readonly Option<bool> _json = CommonOptions.Json();

    public ReleasesCommand(CliContext context)
        : base("releases", "List an app's releases (build + config), newest first")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_limit);
        Options.Add(_json);
        Subcommands.Add(new ReleasesInfoCommand(context));
        Subcommands.Add(new ReleasesDiffCommand(context));
        Subcommands.Add(new ReleasesPromoteCommand(context));
        Subcommands.Add(new ReleasesRollbackCommand(context));
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = result.GetRequiredValue(_app);
            var releases = await client.ListReleasesAsync(app, result.GetValue(_limit), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(releases);
            }

            if (releases.Count == 0)
            {
                context.WriteLine($"{app} has no releases yet. Setting config makes one: `wharf env set -a {app} KEY=VALUE`.");
                return ExitCodes.Ok;
            }

            var table = Tables.Create("RELEASE", "BUILD", "ENV", "DESCRIPTION", "BY", "CREATED", "");
            foreach (var release in releases)
            {
                table.Row(
                    Formats.Release(release.Version),
                    Formats.Number(release.Build),
                    Formats.Number(release.EnvVersion),
                    release.Description,
                    release.CreatedBy,
                    Formats.Time(release.CreatedAt),
                    release.Current ? "current" : "");
            }

            context.Out.Write(table);
            return ExitCodes.Ok;
        }));
    }
}
