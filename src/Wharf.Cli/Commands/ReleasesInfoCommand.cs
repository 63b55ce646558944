using System.CommandLine;
using Spectre.Console;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf releases info -a APP N</c>: one release with its config keys and wharf.yml.</summary>
internal sealed class ReleasesInfoCommand : Command
{
    private readonly Option<string> _app;
    private readonly Argument<int> _version = CommonOptions.Number("N", "The release number (as in v3, without the v)");
    private readonly Option<bool> _json = CommonOptions.Json();

    public ReleasesInfoCommand(CliContext context)
        : base("info", "Show one release: its build, config keys and manifest")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_json);
        Arguments.Add(_version);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var release = await client.GetReleaseAsync(result.GetRequiredValue(_app), result.GetValue(_version), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(release);
            }

            context.Out.Write(Tables.Properties(
                ("Release", Formats.Release(release.Version) + (release.Current ? " (current)" : "")),
                ("App", release.App),
                ("Build", Formats.Number(release.Build)),
                ("Env version", Formats.Number(release.EnvVersion)),
                ("Env keys", Formats.List(release.EnvKeys)),
                ("Description", release.Description),
                ("Created by", release.CreatedBy),
                ("Created", Formats.Time(release.CreatedAt))));
            if (!string.IsNullOrWhiteSpace(release.Manifest))
            {
                context.Out.WriteLine();
                context.Out.MarkupLine("[bold]wharf.yml:[/]");
                context.WriteLine(release.Manifest.TrimEnd());
            }

            return ExitCodes.Ok;
        }));
    }
}
