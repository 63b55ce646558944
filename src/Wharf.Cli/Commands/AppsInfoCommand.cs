using System.CommandLine;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf apps info NAME</c>.</summary>
internal sealed class AppsInfoCommand : Command
{
    private readonly Argument<string> _name = new("NAME") { Description = "The app to show" };
    private readonly Option<bool> _json = CommonOptions.Json();

    public AppsInfoCommand(CliContext context)
        : base("info", "Show one app")
    {
        Arguments.Add(_name);
        Options.Add(_json);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = await client.GetAppAsync(result.GetRequiredValue(_name), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(app);
            }

            context.Out.Write(Tables.Properties(
                ("Name", app.Name),
                ("Release", Formats.Release(app.CurrentRelease)),
                ("Created", Formats.Time(app.CreatedAt)),
                ("URLs", app.Routes.Count == 0 ? "-" : string.Join(Environment.NewLine, app.Routes.Select(r => $"{r.Url} ({r.Service})")))));
            return ExitCodes.Ok;
        }));
    }
}
