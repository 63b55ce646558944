using System.CommandLine;

namespace Wharf.Cli.Commands;

/// <summary>The <c>--wait</c> of env set/unset: follow the new release's rollout instead of returning at once.</summary>
internal static class EnvWaitOption
{
    public static Option<bool> Create() => new("--wait", "-w")
    {
        Description = "For an app that runs: follow the new release's rollout to the end (exit 1 if it fails)",
    };
}
