using System.Text;
using Wharf.Runtime.Docker.Engine.Streams;
using Wharf.Runtime.Docker.Tests.TestSupport;
using static Wharf.Runtime.Docker.Tests.TestSupport.Frames;

namespace Wharf.Runtime.Docker.Tests.Engine.Streams;

public sealed class MultiplexedStreamReaderTests
{
    [Fact]
    public async Task ReadFrameAsync_WholeFrames_ReturnsEachWithItsStream()
    {
        var bytes = Concat(Frame(1, "out\n"), Frame(2, "err\n"));

        var frames = await ReadAllAsync(new MemoryStream(bytes));

        Assert.Equal([(LogSource.StdOut, "out\n"), (LogSource.StdErr, "err\n")], frames);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(9)]
    public async Task ReadFrameAsync_FramesSplitAcrossReads_ReassemblesThem(int chunkSize)
    {
        var bytes = Concat(Frame(1, "first line\n"), Frame(2, "second\n"), Frame(1, "third"));

        var frames = await ReadAllAsync(new ChunkedStream(bytes, chunkSize));

        Assert.Equal([(LogSource.StdOut, "first line\n"), (LogSource.StdErr, "second\n"), (LogSource.StdOut, "third")], frames);
    }

    [Fact]
    public async Task ReadFrameAsync_HeaderSplitMidwayThenPayload_ReadsTheFrame()
    {
        var bytes = Frame(2, "payload");

        // 5 bytes of header, then the other 3, then the payload in two pieces.
        var frames = await ReadAllAsync(new ChunkedStream(bytes, 5, 3, 4, 100));

        Assert.Equal([(LogSource.StdErr, "payload")], frames);
    }

    [Fact]
    public async Task ReadFrameAsync_ZeroLengthFrames_AreSkippedWithoutLosingAlignment()
    {
        var bytes = Concat(Frame(1, ""), Frame(1, "a\n"), Frame(2, ""), Frame(2, ""), Frame(2, "b\n"), Frame(1, ""));

        var frames = await ReadAllAsync(new ChunkedStream(bytes, 2));

        Assert.Equal([(LogSource.StdOut, "a\n"), (LogSource.StdErr, "b\n")], frames);
    }

    [Fact]
    public async Task ReadFrameAsync_EmptyStream_ReturnsNull()
    {
        var reader = new MultiplexedStreamReader(new MemoryStream());

        Assert.Null(await reader.ReadFrameAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReadFrameAsync_StreamEndsInsidePayload_Throws()
    {
        var frame = Frame(1, "cut short");
        var truncated = frame[..^3];

        await Assert.ThrowsAsync<EndOfStreamException>(() => ReadAllAsync(new MemoryStream(truncated)));
    }

    [Fact]
    public async Task ReadFrameAsync_StreamEndsInsideHeader_Throws()
    {
        await Assert.ThrowsAsync<EndOfStreamException>(() => ReadAllAsync(new MemoryStream([1, 0, 0])));
    }

    [Fact]
    public async Task ReadFrameAsync_RawTtyOutput_SaysTheStreamIsNotMultiplexed()
    {
        var raw = Encoding.UTF8.GetBytes("hello from a tty\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(new MemoryStream(raw)));

        Assert.Contains("TTY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFrameAsync_LargeFrame_IsReturnedWhole()
    {
        var payload = new byte[200_000];
        Random.Shared.NextBytes(payload);

        var frame = await new MultiplexedStreamReader(new ChunkedStream(Frame(1, payload), 8, 4096)).ReadFrameAsync(CancellationToken.None);

        Assert.Equal(payload, frame!.Value.Payload.ToArray());
    }

    private static async Task<List<(LogSource, string)>> ReadAllAsync(Stream stream)
    {
        var reader = new MultiplexedStreamReader(stream);
        var frames = new List<(LogSource, string)>();
        while (await reader.ReadFrameAsync(CancellationToken.None) is { } frame)
        {
            frames.Add((frame.Source, Encoding.UTF8.GetString(frame.Payload.Span)));
        }

        return frames;
    }
}
