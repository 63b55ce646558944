using System.Globalization;

namespace Wharf.Server.Routing;

/// <summary>Reads DATA/router/router.pid and tells whether that process is still a running router.</summary>
public static class RouterPidFile
{
    public static void Write(string path, int processId)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Startup.OwnerOnlyFiles.FileMode;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(processId.ToString(CultureInfo.InvariantCulture) + "\n");
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// The pid in the file when that process is alive and was started as a router (its command line has the
    /// <c>router</c> argument); null otherwise: no file, a stale pid, or a pid reused by something else.
    /// </summary>
    public static int? ReadAlive(string path)
    {
        try
        {
            if (!int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return null;
            }

            return IsRouterProcess(pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="processId"/> runs (not a zombie) with a <c>router</c> argument.</summary>
    public static bool IsRouterProcess(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");

            // The state is the field after the parenthesised command name, which itself may hold spaces.
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            if (state is "Z" or "X")
            {
                return false;
            }

            var args = File.ReadAllText($"/proc/{processId}/cmdline").Split('\0');
            return args.Contains(RouterArguments.Command, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
