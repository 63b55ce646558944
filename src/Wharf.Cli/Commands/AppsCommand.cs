using System.CommandLine;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf apps</c> lists the apps; its subcommands create, show and delete one.</summary>
internal sealed class AppsCommand : Command
{
    private readonly Option<bool> _json = CommonOptions.Json();

    public AppsCommand(CliContext context)
        : base("apps", "List apps, or create, show and delete one")
    {
        Options.Add(_json);
        Subcommands.Add(new AppsCreateCommand(context));
        Subcommands.Add(new AppsInfoCommand(context));
        Subcommands.Add(new AppsDeleteCommand(context));
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var apps = await client.ListAppsAsync(ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(apps);
            }

            if (apps.Count == 0)
            {
                context.WriteLine("No apps yet. Create one with `wharf apps create NAME`.");
                return ExitCodes.Ok;
            }

            var table = Tables.Create("NAME", "RELEASE", "CREATED");
            foreach (var app in apps.OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                table.Row(app.Name, Formats.Release(app.CurrentRelease), Formats.Time(app.CreatedAt));
            }

            context.Out.Write(table);
            return ExitCodes.Ok;
        }));
    }
}
