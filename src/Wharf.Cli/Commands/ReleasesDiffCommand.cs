using System.CommandLine;
using Spectre.Console;
using Wharf.Core.Api;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf releases diff -a APP A B</c>: config keys and manifest changes, values never shown.</summary>
internal sealed class ReleasesDiffCommand : Command
{
    private const string Masked = "********";

    private readonly Option<string> _app;
    private readonly Argument<int> _from = CommonOptions.Number("A", "The older release number");
    private readonly Argument<int> _to = CommonOptions.Number("B", "The newer release number");
    private readonly Option<bool> _json = CommonOptions.Json();

    public ReleasesDiffCommand(CliContext context)
        : base("diff", "Show what changed between two releases: config keys (values masked) and wharf.yml")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_json);
        Arguments.Add(_from);
        Arguments.Add(_to);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var diff = await client.DiffReleasesAsync(
                result.GetRequiredValue(_app), result.GetValue(_from), result.GetValue(_to), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(diff);
            }

            Render(context.Out, diff);
            return ExitCodes.Ok;
        }));
    }

    private static void Render(IAnsiConsole console, ReleaseDiff diff)
    {
        console.MarkupLineInterpolated($"[bold]{diff.App}: v{diff.From} -> v{diff.To}[/]");
        if (diff.FromBuild != diff.ToBuild)
        {
            console.MarkupLineInterpolated($"build: {diff.FromBuild?.ToString() ?? "none"} -> {diff.ToBuild?.ToString() ?? "none"}");
        }

        var envChanges = diff.EnvAdded.Count + diff.EnvRemoved.Count + diff.EnvChanged.Count;
        console.MarkupLine(envChanges == 0 ? "env: no changes" : "env:");
        foreach (var key in diff.EnvAdded)
        {
            console.MarkupLineInterpolated($"[green]  + {key}={Masked}[/]");
        }

        foreach (var key in diff.EnvRemoved)
        {
            console.MarkupLineInterpolated($"[red]  - {key}[/]");
        }

        foreach (var key in diff.EnvChanged)
        {
            console.MarkupLineInterpolated($"[yellow]  ~ {key}={Masked} (changed)[/]");
        }

        if (string.IsNullOrWhiteSpace(diff.ManifestDiff))
        {
            console.MarkupLine("wharf.yml: no changes");
            return;
        }

        console.MarkupLine("wharf.yml:");
        foreach (var line in diff.ManifestDiff.TrimEnd('\n').Split('\n'))
        {
            console.MarkupLine($"[{DiffLineStyle(line)}]{Markup.Escape(line)}[/]");
        }
    }

    private static string DiffLineStyle(string line) => line switch
    {
        _ when line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) => "bold",
        _ when line.StartsWith('+') => "green",
        _ when line.StartsWith('-') => "red",
        _ when line.StartsWith("@@", StringComparison.Ordinal) => "cyan",
        _ => "default",
    };
}
