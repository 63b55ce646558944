using System.CommandLine;
using System.CommandLine.Help;
using Wharf.Cli.Commands;

namespace Wharf.Cli;

/// <summary>The <c>wharf</c> command tree.</summary>
internal sealed class WharfRootCommand : RootCommand
{
    public WharfRootCommand(CliContext context)
        : base("Wharf: build, release and run apps on your own machines.")
    {
        Subcommands.Add(new LoginCommand(context));
        Subcommands.Add(new WhoAmICommand(context));
        Subcommands.Add(new AppsCommand(context));
        Subcommands.Add(new EnvCommand(context));
        Subcommands.Add(new ReleasesCommand(context));
        Subcommands.Add(new BuildsCommand(context));
        Subcommands.Add(new DeployCommand(context));
        Subcommands.Add(new DeploymentsCommand(context));
        Subcommands.Add(new PsCommand(context));
        Subcommands.Add(new MetricsCommand(context));
        Subcommands.Add(new ScaleCommand(context));
        Subcommands.Add(new RestartCommand(context));
        Subcommands.Add(new RunCommand(context));
        Subcommands.Add(new ExecCommand(context));
        Subcommands.Add(new LogsCommand(context));
        Subcommands.Add(new TimersCommand(context));
        Subcommands.Add(new ResourcesCommand(context));
        Subcommands.Add(new CertsCommand(context));
        Subcommands.Add(new TokensCommand(context));
        Subcommands.Add(new AuditCommand(context));
        Subcommands.Add(new CheckCommand(context));
#if !WHARF_CLIENT
        Subcommands.Add(new ServerCommand(context));
        Subcommands.Add(new RouterCommand(context));
#endif

        // A bare `wharf` shows the command list rather than a terse "required command" error.
        SetAction(result =>
        {
            new HelpAction().Invoke(result);
            return ExitCodes.Usage;
        });
    }
}
