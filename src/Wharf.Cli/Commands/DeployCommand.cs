using System.CommandLine;
using Wharf.Cli.Deploy;

namespace Wharf.Cli.Commands;

/// <summary>
/// <c>wharf deploy [DIR] -a APP [--detach]</c>: build DIR's services, make a release and roll it out, following the log;
/// <c>wharf deploy -a APP --cancel</c> cancels the app's running deployment instead.
/// </summary>
internal sealed class DeployCommand : Command
{
    private readonly CliContext _context;
    private readonly Argument<string> _directory = new("DIR")
    {
        Description = "The app's directory, holding wharf.yml (default: the current directory)",
        DefaultValueFactory = _ => ".",
    };

    private readonly Option<string> _app = new("--app", "-a")
    {
        Description = "The app to deploy to (default: DIR's name)",
        HelpName = "APP",
    };

    private readonly Option<bool> _detach = new("--detach", "-d")
    {
        Description = "Return once the source is uploaded, with the deployment's id, instead of following it",
    };

    private readonly Option<bool> _cancel = new("--cancel")
    {
        Description = "Cancel the app's running deployment instead of starting one",
    };

    public DeployCommand(CliContext context)
        : base("deploy", "Build an app directory, release it and roll it out, following the log")
    {
        _context = context;
        Arguments.Add(_directory);
        Options.Add(_app);
        Options.Add(_detach);
        Options.Add(_cancel);
        SetAction((result, ct) => context.RunAsync(() => ExecuteAsync(result, ct)));
    }

    private async Task<int> ExecuteAsync(ParseResult result, CancellationToken ct)
    {
        var directory = Path.GetFullPath(result.GetRequiredValue(_directory), _context.Environment.CurrentDirectory);
        var app = result.GetValue(_app) ?? AppNameOf(directory);
        if (result.GetValue(_cancel))
        {
            using var client = _context.Connect();
            return await new DeploymentCanceller(_context, client).CancelRunningAsync(app, ct);
        }

        return await new Deployer(_context).DeployAsync(directory, app, result.GetValue(_detach), ct);
    }

    private static string AppNameOf(string directory) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)) is { Length: > 0 } name ? name : "app";
}
