using System.Globalization;
using System.Text;

namespace Wharf.Core.Logs;

/// <summary>
/// One log line as an RFC 5424 syslog message with RFC 6587 octet-counting framing ("LENGTH SP MESSAGE"):
/// <c>&lt;14&gt;1 2026-05-01T10:00:00.123456Z HOST APP PROCESS SERVICE [wharf@32473 source="stdout" release="4"] BOM TEXT</c>.
/// Facility user; stderr is severity error, events notice, the rest info.
/// </summary>
public static class SyslogMessage
{
    // RFC 5612's enterprise number for documentation: the SD-ID needs one, and Wharf has none registered.
    private const string StructuredDataId = "wharf@32473";
    private const int UserFacility = 1;

    private static readonly byte[] _bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The framed message, ready to write to the TCP stream.</summary>
    public static byte[] Frame(LogEntry entry, string hostName)
    {
        var message = Format(entry, hostName);
        var prefix = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{message.Length} "));
        return [.. prefix, .. message];
    }

    /// <summary>The message itself (header, structured data, BOM and UTF-8 text), without framing.</summary>
    public static byte[] Format(LogEntry entry, string hostName)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var severity = entry.Source switch
        {
            LogSource.Stderr => 3,
            LogSource.Event => 5,
            _ => 6,
        };
        var header = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<{(UserFacility * 8) + severity}>1 ")
            .Append(entry.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)).Append(' ')
            .Append(Field(hostName, 255)).Append(' ')
            .Append(Field(entry.App ?? "wharf", 48)).Append(' ')
            .Append(Field(entry.ProcessId, 128)).Append(' ')
            .Append(Field(entry.Service, 32)).Append(' ')
            .Append('[').Append(StructuredDataId)
            .Append(" source=\"").Append(SourceName(entry.Source)).Append('"');
        if (entry.Release is { } release)
        {
            header.Append(CultureInfo.InvariantCulture, $" release=\"{release}\"");
        }

        header.Append("] ");
        return [.. Encoding.UTF8.GetBytes(header.ToString()), .. _bom, .. Encoding.UTF8.GetBytes(entry.Text)];
    }

    public static string SourceName(LogSource source) => source switch
    {
        LogSource.Stdout => "stdout",
        LogSource.Stderr => "stderr",
        LogSource.Build => "build",
        _ => "event",
    };

    /// <summary>A header field: printable US-ASCII without spaces, at most <paramref name="max"/> characters, "-" when empty.</summary>
    private static string Field(string? value, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        var printable = new string([.. value.Where(c => c is > ' ' and < (char)127).Take(max)]);
        return printable.Length == 0 ? "-" : printable;
    }
}
