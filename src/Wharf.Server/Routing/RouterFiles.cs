using Wharf.Router;

namespace Wharf.Server.Routing;

/// <summary>The router's files in DATA/router: its control socket, and the log and pid file of the server-started router.</summary>
public sealed record RouterFiles(string Directory, string ControlSocketPath)
{
    public const string LogName = "router.log";
    public const string PidName = "router.pid";

    /// <summary>The router's stdout and stderr, appended to across starts.</summary>
    public string LogPath => Path.Combine(Directory, LogName);

    /// <summary>The pid of the router the server started: `kill $(cat DATA/router/router.pid)` stops it.</summary>
    public string PidPath => Path.Combine(Directory, PidName);

    public static RouterFiles For(RouterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RouterFiles(options.RouterDirectory, options.ControlSocketPath);
    }

    /// <summary>
    /// The last <paramref name="count"/> lines of the log, leaving out stack frames (the host logs its start-up
    /// failure with one; the sentences around it say what went wrong); empty when there is no log.
    /// </summary>
    public IReadOnlyList<string> LastLogLines(int count)
    {
        try
        {
            var lines = new Queue<string>();
            foreach (var line in File.ReadLines(LogPath).Where(l => !IsStackFrame(l)))
            {
                lines.Enqueue(line);
                if (lines.Count > count)
                {
                    lines.Dequeue();
                }
            }

            return [.. lines];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static bool IsStackFrame(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("at ", StringComparison.Ordinal)
            || trimmed.StartsWith("--- End of", StringComparison.Ordinal)
            || (trimmed.Length == 0 && line.Length > 0);
    }
}
