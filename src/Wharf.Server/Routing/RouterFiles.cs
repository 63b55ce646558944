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

    /// <summary>The last <paramref name="count"/> lines of the log, or an empty list when there is none.</summary>
    public IReadOnlyList<string> LastLogLines(int count)
    {
        try
        {
            var lines = new Queue<string>();
            foreach (var line in File.ReadLines(LogPath))
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
}
