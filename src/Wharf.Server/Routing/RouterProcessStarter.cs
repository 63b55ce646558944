using System.Diagnostics;
using Wharf.Server.Startup;

namespace Wharf.Server.Routing;

/// <summary>
/// Starts the router as a detached process: in its own session (<c>setsid</c>), so neither Ctrl+C in the
/// server's terminal nor a signal to the server's process group reaches it, with stdin from /dev/null and
/// stdout and stderr appended to DATA/router/router.log. Its pid goes to DATA/router/router.pid.
/// </summary>
public static class RouterProcessStarter
{
    // $1 is the log; the rest is the router's command. `exec` keeps the pid: the one setsid had, which is the
    // one Process.Start reports (setsid only forks when it is a process group leader, which a child never is).
    private const string Script = "log=$1; shift; exec \"$@\" >>\"$log\" 2>&1 </dev/null";

    // Variables that would move the router's listeners, and the server's own settings (some are secrets, such as
    // WHARF_POSTGRES): the router gets everything it needs on its command line.
    private static readonly string[] _listenerVariables = ["ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS"];

    /// <exception cref="InvalidOperationException">setsid is missing, or the process could not be started.</exception>
    public static Process Start(RouterLaunch launch, RouterFiles files)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(files);
        OwnerOnlyFiles.EnsureDirectory(files.Directory);
        CreateLog(files.LogPath);

        var setsid = Find("setsid")
            ?? throw new InvalidOperationException("setsid is not installed (it comes with util-linux: apt-get install util-linux), so the router cannot be started detached.");
        var info = new ProcessStartInfo(setsid)
        {
            UseShellExecute = false,
            WorkingDirectory = files.Directory,
        };
        foreach (var arg in (string[])["/bin/sh", "-c", Script, "wharf-router", files.LogPath, launch.FileName, .. launch.Arguments])
        {
            info.ArgumentList.Add(arg);
        }

        var inherited = info.Environment.Keys
            .Where(name => name.StartsWith("WHARF_", StringComparison.Ordinal) || _listenerVariables.Contains(name, StringComparer.Ordinal))
            .ToList();
        foreach (var name in inherited)
        {
            info.Environment.Remove(name);
        }

        var process = Process.Start(info)
            ?? throw new InvalidOperationException($"Could not start the router ({launch}).");
        RouterPidFile.Write(files.PidPath, process.Id);
        return process;
    }

    private static void CreateLog(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFiles.FileMode;
        }

        using var log = new FileStream(path, options);
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/bin")
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
