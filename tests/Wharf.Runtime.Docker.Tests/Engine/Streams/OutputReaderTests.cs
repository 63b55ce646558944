using System.Text;
using Wharf.Runtime.Docker.Engine.Streams;
using Wharf.Runtime.Docker.Tests.TestSupport;
using static Wharf.Runtime.Docker.Tests.TestSupport.Frames;

namespace Wharf.Runtime.Docker.Tests.Engine.Streams;

public sealed class OutputReaderTests
{
    [Fact]
    public async Task ReadLinesAsync_MultiplexedInOddChunks_YieldsLinesPerStream()
    {
        var bytes = Concat(Frame(1, "one\ntw"), Frame(2, "warn"), Frame(1, "o\n"), Frame(2, "ing\n"), Frame(1, "tail"));

        var lines = await OutputReader.ReadLinesAsync(new ChunkedStream(bytes, 3), multiplexed: true, timestamps: false, CancellationToken.None)
            .ToListAsync();

        Assert.Equal(
            [new LogLine(LogSource.StdOut, "one"), new LogLine(LogSource.StdOut, "two"), new LogLine(LogSource.StdErr, "warning"), new LogLine(LogSource.StdOut, "tail")],
            lines);
    }

    [Fact]
    public async Task ReadLinesAsync_RawTtyStream_YieldsStdoutLines()
    {
        var bytes = Encoding.UTF8.GetBytes("first\r\nsecond\r\n");

        var lines = await OutputReader.ReadLinesAsync(new ChunkedStream(bytes, 4), multiplexed: false, timestamps: false, CancellationToken.None)
            .ToListAsync();

        Assert.Equal([new LogLine(LogSource.StdOut, "first"), new LogLine(LogSource.StdOut, "second")], lines);
    }
}
