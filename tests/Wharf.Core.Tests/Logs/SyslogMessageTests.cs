using System.Text;
using Wharf.Core.Logs;

namespace Wharf.Core.Tests.Logs;

public sealed class SyslogMessageTests
{
    private static readonly DateTimeOffset _time = new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    [Fact]
    public void Format_ProcessLine_IsRfc5424WithStructuredDataAndBom()
    {
        var entry = new LogEntry(_time, "shop", LogSource.Stdout, "web", "3f2a9c0d1e2b", 4, "GET / 200");

        var message = SyslogMessage.Format(entry, "host1");

        Assert.Equal("<14>1 2026-05-01T10:00:00.123456Z host1 shop 3f2a9c0d1e2b web [wharf@32473 source=\"stdout\" release=\"4\"] \uFEFFGET / 200", Encoding.UTF8.GetString(message));
    }

    [Fact]
    public void Format_EventWithoutProcess_UsesNilValuesAndNoticeSeverity()
    {
        var entry = new LogEntry(_time, "shop", LogSource.Event, null, null, null, "Deployment 3 (deploy) started");

        var text = Encoding.UTF8.GetString(SyslogMessage.Format(entry, "host1"));

        Assert.StartsWith("<13>1 2026-05-01T10:00:00.123456Z host1 shop - - [wharf@32473 source=\"event\"] ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Stderr_IsSeverityError()
    {
        var entry = new LogEntry(_time, "shop", LogSource.Stderr, "web", "p", 1, "boom");

        Assert.StartsWith("<11>1 ", Encoding.UTF8.GetString(SyslogMessage.Format(entry, "h")), StringComparison.Ordinal);
    }

    [Fact]
    public void Frame_MultiByteText_CountsOctetsNotCharacters()
    {
        var entry = new LogEntry(_time, "shop", LogSource.Stdout, "web", "p", 1, "größe ✓");

        var framed = SyslogMessage.Frame(entry, "h");

        var text = Encoding.UTF8.GetString(framed);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        Assert.Equal(framed.Length - space - 1, int.Parse(text[..space], System.Globalization.CultureInfo.InvariantCulture));
    }
}
