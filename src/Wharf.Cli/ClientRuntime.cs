namespace Wharf.Cli;

/// <summary>How the runtime is set up for a command, before the command does anything.</summary>
internal static class ClientRuntime
{
    private const string DynamicCodeSwitch = "System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported";

    /// <summary>
    /// A client command (every one but <c>server</c> and <c>router</c>) lives for a moment: it turns runtime code
    /// generation off, so a library's compiled regular expressions (YamlDotNet's) and reflection-emitted JSON
    /// accessors are interpreted instead of being generated and compiled on every run, which costs a deploy more
    /// start-up time than the work they speed up. The long-running commands keep it for their steady state.
    /// </summary>
    public static void Configure(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is not ("server" or "router"))
        {
            AppContext.SetSwitch(DynamicCodeSwitch, false);
        }
    }
}
