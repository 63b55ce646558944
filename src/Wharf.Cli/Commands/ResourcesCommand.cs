using System.CommandLine;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf resources -a APP</c> lists the app's databases and caches; its subcommands show, reveal, enter, dump and restore one.</summary>
internal sealed class ResourcesCommand : Command
{
    private readonly Option<string> _app;
    private readonly Option<bool> _json = CommonOptions.Json();

    public ResourcesCommand(CliContext context)
        : base("resources", "List an app's resources (PostgreSQL, Redis); show, connect to, export and import one")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_json);
        Subcommands.Add(new ResourcesInfoCommand(context));
        Subcommands.Add(new ResourcesUrlCommand(context));
        Subcommands.Add(new ResourcesConsoleCommand(context));
        Subcommands.Add(new ResourcesExportCommand(context));
        Subcommands.Add(new ResourcesImportCommand(context));
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = result.GetRequiredValue(_app);
            var resources = await client.ListResourcesAsync(app, ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(resources);
            }

            if (resources.Count == 0)
            {
                context.WriteLine($"{app} has no resources. Declare them under resources: in wharf.yml and name them in a service's resources:.");
                return ExitCodes.Ok;
            }

            var table = Tables.Create("NAME", "TYPE", "VERSION", "STATUS", "SERVICES", "URL");
            foreach (var resource in resources)
            {
                table.Row(resource.Name, resource.Type, resource.Version ?? "-", resource.Status, Formats.List(resource.Services), resource.Url ?? "-");
            }

            context.Out.Write(table);
            return ExitCodes.Ok;
        }));
    }
}
