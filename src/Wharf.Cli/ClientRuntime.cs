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
        if (IsClientCommand(args))
        {
            AppContext.SetSwitch(DynamicCodeSwitch, false);
        }
    }

    /// <summary>
    /// Every command but <c>server</c> and <c>router</c>: what the native client build has (the <c>./wharf</c>
    /// launcher sends the other two to the .NET build).
    /// </summary>
    public static bool IsClientCommand(IReadOnlyList<string> args) => args is not ["server" or "router", ..];
}
