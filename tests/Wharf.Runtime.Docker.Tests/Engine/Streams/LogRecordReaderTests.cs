using System.Text;
using Wharf.Runtime.Docker.Engine.Streams;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Engine.Streams;

public sealed class LogRecordReaderTests
{
    private const long At = 1_795_335_431L * 1_000_000_000;

    [Fact]
    public async Task ReadAsync_Multiplexed_OneRecordPerFrameWithItsTimestamp()
    {
        var bytes = Frames.Concat(
            Frames.Frame(1, "2026-11-22T08:17:11.000000001Z hello\n"),
            Frames.Frame(2, "2026-11-22T08:17:11.000000002Z piece"),
            Frames.Frame(2, "2026-11-22T08:17:11.000000002Z  end\n"));

        var records = await LogRecordReader.ReadAsync(new MemoryStream(bytes), multiplexed: true, CancellationToken.None).ToListAsync();

        Assert.Equal(
            [(LogSource.StdOut, At + 1, "hello", true), (LogSource.StdErr, At + 2, "piece", false), (LogSource.StdErr, At + 2, " end", true)],
            records.Select(r => (r.Source, r.UnixNanos, Encoding.UTF8.GetString(r.Text.Span), r.EndsLine)));
    }

    [Fact]
    public async Task ReadAsync_Raw_OneRecordPerLineAcrossReads()
    {
        var bytes = Encoding.UTF8.GetBytes("2026-11-22T08:17:11.000000001Z one\r\n2026-11-22T08:17:11.000000003Z two\n2026-11-22T08:17:11.000000004Z tail");
        using var stream = new ChunkedStream(bytes, 7);

        var records = await LogRecordReader.ReadAsync(stream, multiplexed: false, CancellationToken.None).ToListAsync();

        Assert.Equal(
            [(At + 1, "one\r", true), (At + 3, "two", true), (At + 4, "tail", false)],
            records.Select(r => (r.UnixNanos, Encoding.UTF8.GetString(r.Text.Span), r.EndsLine)));
    }

    [Fact]
    public void Parse_NoTimestamp_ThrowsSayingSo()
    {
        var e = Assert.Throws<InvalidDataException>(() => LogRecordReader.Parse(LogSource.StdOut, Encoding.UTF8.GetBytes("hello world\n")));

        Assert.Contains("without its timestamp", e.Message, StringComparison.Ordinal);
    }
}
