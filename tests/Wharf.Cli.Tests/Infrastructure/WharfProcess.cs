using System.Diagnostics;

namespace Wharf.Cli.Tests.Infrastructure;

/// <summary>
/// Starts the real CLI with a controlled environment: the native client that <c>./wharf</c> builds when
/// WHARF_TEST_CLIENT names it (scripts/test does), as users run it; else, and always for <c>wharf server</c> and
/// <c>wharf router</c>, which only the .NET build has, <c>dotnet wharf.dll</c> from the test output folder.
/// </summary>
public static class WharfProcess
{
    /// <summary>Variables from the developer's shell that would change what the CLI does, besides every WHARF_*.</summary>
    private static readonly string[] _inherited = ["XDG_CONFIG_HOME", "NO_COLOR"];

    public static string WharfDll => Path.Combine(AppContext.BaseDirectory, "wharf.dll");

    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var arguments = args.ToList();
        var native = ClientRuntime.IsClientCommand(arguments) ? NativeClient() : null;
        var info = new ProcessStartInfo(native ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (native is null)
        {
            info.ArgumentList.Add(WharfDll);
        }

        foreach (var arg in arguments)
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

    private static string? NativeClient()
    {
        var path = Environment.GetEnvironmentVariable("WHARF_TEST_CLIENT");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"WHARF_TEST_CLIENT names {path}, which does not exist: run scripts/test, which builds it with ./wharf.");
    }
}
