using System.CommandLine;
using Spectre.Console;
using Wharf.Cli.Output;
using Wharf.Cli.Processes;
using Wharf.Core.Api;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf scale -a APP [SERVICE=COUNT...]</c>: shows the formation, or sets process counts.</summary>
internal sealed class ScaleCommand : Command
{
    private readonly Option<string> _app;
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly Argument<string[]> _counts = new("SERVICE=COUNT")
    {
        Description = "Process counts to set, e.g. web=3 worker=0 (none: show the formation)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public ScaleCommand(CliContext context)
        : base("scale", "Show how many processes each service runs, or set the counts")
    {
        _app = CommonOptions.App(context.Environment);
        _counts.Validators.Add(FormationAssignment.Validate);
        Options.Add(_app);
        Options.Add(_json);
        Arguments.Add(_counts);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = result.GetRequiredValue(_app);
            var counts = FormationAssignment.Parse(result.GetValue(_counts) ?? []);
            var formation = counts.Count == 0
                ? await client.GetFormationAsync(app, ct)
                : await client.ScaleAsync(app, counts, ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(formation);
            }

            if (counts.Count > 0)
            {
                var text = string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}"));
                context.Out.MarkupLineInterpolated($"Scaled [bold]{app}[/]: {text}.");
            }

            Write(context, app, formation);
            return ExitCodes.Ok;
        }));
    }

    private static void Write(CliContext context, string app, List<FormationInfo> formation)
    {
        if (formation.Count == 0)
        {
            context.WriteLine($"{app} has no services yet: deploy it first with `wharf deploy DIR -a {app}`.");
            return;
        }

        var table = Tables.Create("SERVICE", "COUNT", "RUNNING", "RANGE", "MEMORY", "CPU", "PORT");
        foreach (var s in formation)
        {
            table.Row(
                s.Service + (s.Singleton ? " (singleton)" : ""),
                Formats.Number(s.Count),
                Formats.Number(s.Running),
                // scale.min = scale.max (the default) means no range: any count may be set.
                s.Min == s.Max ? "-" : $"{s.Min}..{s.Max}",
                Formats.Memory(s.Memory),
                s.Cpu is { } cpu ? $"{cpu}m" : "-",
                Formats.Number(s.Port));
        }

        context.Out.Write(table);
    }
}
