using System.Text;
using Wharf.Runtime.Docker.Engine.Streams;

namespace Wharf.Runtime.Docker.Tests.Engine.Streams;

public sealed class LogLineAssemblerTests
{
    [Fact]
    public void Push_LineSpanningFrames_IsEmittedOnceComplete()
    {
        var assembler = new LogLineAssembler(timestamps: false);

        var first = assembler.Push(Frame(LogSource.StdOut, "hel")).ToList();
        var second = assembler.Push(Frame(LogSource.StdOut, "lo\nwor")).ToList();
        var rest = assembler.Flush().ToList();

        Assert.Empty(first);
        Assert.Equal([new LogLine(LogSource.StdOut, "hello")], second);
        Assert.Equal([new LogLine(LogSource.StdOut, "wor")], rest);
    }

    [Fact]
    public void Push_InterleavedPartialLines_KeepsStreamsApart()
    {
        var assembler = new LogLineAssembler(timestamps: false);

        var lines = new[]
        {
            Frame(LogSource.StdOut, "out-"),
            Frame(LogSource.StdErr, "err-"),
            Frame(LogSource.StdOut, "done\n"),
            Frame(LogSource.StdErr, "done\n"),
        }.SelectMany(assembler.Push).ToList();

        Assert.Equal([new LogLine(LogSource.StdOut, "out-done"), new LogLine(LogSource.StdErr, "err-done")], lines);
    }

    [Fact]
    public void Push_SeveralLinesInOneFrame_EmitsEachAndDropsCarriageReturns()
    {
        var assembler = new LogLineAssembler(timestamps: false);

        var lines = assembler.Push(Frame(LogSource.StdOut, "a\r\nb\n\nc\n")).Select(l => l.Text);

        Assert.Equal(["a", "b", "", "c"], lines);
    }

    [Fact]
    public void Push_MultibyteCharacterSplitBetweenFrames_DecodesIt()
    {
        var bytes = Encoding.UTF8.GetBytes("café ☕\n");
        var assembler = new LogLineAssembler(timestamps: false);

        var lines = assembler.Push(new LogFrame(LogSource.StdOut, bytes.AsMemory(0, 4))).Concat(assembler.Push(new LogFrame(LogSource.StdOut, bytes.AsMemory(4)))).ToList();

        Assert.Equal("café ☕", Assert.Single(lines).Text);
    }

    [Fact]
    public void Push_WithTimestamps_ParsesTheEnginePrefix()
    {
        var assembler = new LogLineAssembler(timestamps: true);

        var line = Assert.Single(assembler.Push(Frame(LogSource.StdErr, "2024-05-01T10:00:00.123456789Z listening on :8080\n")));

        Assert.Equal("listening on :8080", line.Text);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_567), line.Timestamp);
    }

    [Fact]
    public void Push_TimestampsRequestedButLineHasNone_KeepsTheText()
    {
        var assembler = new LogLineAssembler(timestamps: true);

        var line = Assert.Single(assembler.Push(Frame(LogSource.StdOut, "no timestamp here\n")));

        Assert.Equal("no timestamp here", line.Text);
        Assert.Null(line.Timestamp);
    }

    private static LogFrame Frame(LogSource source, string text) => new(source, Encoding.UTF8.GetBytes(text));
}
