using System.Globalization;
using System.Text;
using Wharf.Core.Api;

namespace Wharf.Cli.Commands;

/// <summary>
/// How `wharf logs` prints a line: <c>TIME WHO[RELEASE] TEXT</c>, where WHO is SERVICE/PROCESS for a process's
/// output, the build ("build-7") for build output and "wharf" (or wharf/SERVICE) for the platform's events. Times
/// are UTC to the millisecond, so lines from several machines or time zones sort and compare as they are.
/// </summary>
internal static class LogsFormat
{
    public static string Line(LogLineInfo line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = new StringBuilder(line.Text.Length + 48)
            .Append(line.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            .Append(' ')
            .Append(Who(line));
        if (line.Release is { } release)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{release}]");
        }

        return text.Append(' ').Append(line.Text).ToString();
    }

    private static string Who(LogLineInfo line) => line.Source switch
    {
        "event" => line.Service is null ? "wharf" : $"wharf/{line.Service}",
        "build" => line.Process ?? "build",
        _ when line.Service is not null && line.Process is not null => $"{line.Service}/{line.Process}",
        _ => line.Service ?? line.Process ?? line.Source,
    };
}
