using System.Diagnostics;

namespace Wharf.Cli.Tests.Infrastructure;

/// <summary>Starts the real CLI (<c>dotnet wharf.dll</c>) from the test output folder, with a controlled environment.</summary>
public static class WharfProcess
{
    /// <summary>Variables from the developer's shell that would change what the CLI does, besides every WHARF_*.</summary>
    private static readonly string[] _inherited = ["XDG_CONFIG_HOME", "NO_COLOR"];

    public static string WharfDll => Path.Combine(AppContext.BaseDirectory, "wharf.dll");

    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(WharfDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var wharfVariables = info.Environment.Keys.Where(name => name.StartsWith("WHARF_", StringComparison.Ordinal));
        foreach (var name in wharfVariables.Concat(_inherited).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }
}
