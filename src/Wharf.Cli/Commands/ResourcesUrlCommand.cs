using System.CommandLine;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf resources url -a APP NAME</c>: the URL with its password, for a script or a local client.</summary>
internal sealed class ResourcesUrlCommand : Command
{
    private readonly Option<string> _app;
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly Argument<string> _name = ResourceArguments.Name();

    public ResourcesUrlCommand(CliContext context)
        : base("url", "Print a resource's URL, password included (needs the deploy role)")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_json);
        Arguments.Add(_name);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var url = await client.GetResourceUrlAsync(result.GetRequiredValue(_app), result.GetRequiredValue(_name), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(url);
            }

            context.WriteLine(url.Url);
            return ExitCodes.Ok;
        }));
    }
}
