using System.Text;
using Wharf.Core.Logs;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine.Streams;
using Wharf.Runtime.Docker.Runtime;
using LogSource = Wharf.Runtime.Docker.Engine.Streams.LogSource;

namespace Wharf.Runtime.Docker.Tests.Runtime;

/// <summary>
/// Resuming a container's log from a stored position, against a model of the engine: entries in file order, "since"
/// keeping those whose own timestamp is not earlier (as measured on the engine).
/// </summary>
public sealed class DockerLogTrackerTests
{
    private const long Second = 1_000_000_000;
    private const long Start = 1_800_000_000 * Second;

    [Fact]
    public void Push_FromEveryPosition_ResumesWithExactlyTheLinesAfterIt()
    {
        var log = MixedLog();
        var all = Read(log, DockerLogPosition.Start);

        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Position is not { } position)
            {
                continue;
            }

            var rest = Read(log, DockerLogPosition.Parse(position));

            Assert.Equal(all.Skip(i + 1).Select(Describe), rest.Select(Describe));
        }
    }

    [Fact]
    public void Push_StderrStampedBeforeStdoutButWrittenAfter_IsNotLostOnResume()
    {
        // What the engine really does: a burst of stdout written first, stderr stamped in between written after it.
        var log = new List<LogRecord>
        {
            Entry(LogSource.StdOut, Start + 100, "out1"),
            Entry(LogSource.StdOut, Start + 300, "out2"),
            Entry(LogSource.StdErr, Start + 200, "err1"),
        };
        var first = Read(log.Take(2).ToList(), DockerLogPosition.Start);

        var rest = Read(log, DockerLogPosition.Parse(first[^1].Position));

        Assert.Equal(["err1"], rest.Select(l => l.Text));
    }

    [Fact]
    public void Push_LongLineInPieces_IsOneLineWithTheTimeOfItsFirstPiece()
    {
        var log = new List<LogRecord>
        {
            Entry(LogSource.StdOut, Start + 1, "aaa", endsLine: false),
            Entry(LogSource.StdOut, Start + 2, "bbb", endsLine: false),
            Entry(LogSource.StdOut, Start + 3, "ccc"),
        };

        var lines = Read(log, DockerLogPosition.Start);

        var line = Assert.Single(lines);
        Assert.Equal("aaabbbccc", line.Text);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks((Start + 1) / 100), line.Time);
    }

    [Fact]
    public void Push_LineWhileAnotherStreamIsMidLine_HasNoPosition()
    {
        var tracker = new DockerLogTracker(DockerLogPosition.Start);

        Assert.Null(tracker.Push(Entry(LogSource.StdErr, Start + 1, "half", endsLine: false)));
        var stdout = tracker.Push(Entry(LogSource.StdOut, Start + 2, "whole"));
        var stderr = tracker.Push(Entry(LogSource.StdErr, Start + 3, " done"));

        Assert.Null(stdout!.Position);
        Assert.Equal("half done", stderr!.Text);
        Assert.Equal(OutputChannel.Stderr, stderr.Stream);
        Assert.NotNull(stderr.Position);
    }

    [Fact]
    public void Flush_LineNeverEnded_ComesOutWithAPosition()
    {
        var tracker = new DockerLogTracker(DockerLogPosition.Start);
        tracker.Push(Entry(LogSource.StdOut, Start + 1, "no newline at exit", endsLine: false));

        var line = Assert.Single(tracker.Flush());

        Assert.Equal("no newline at exit", line.Text);
        Assert.NotNull(line.Position);
    }

    [Fact]
    public void Position_LongRunningLog_StaysSmall()
    {
        // 10 lines a second for a minute: "since" trails the newest line, so the count stays around a window's worth.
        var log = Enumerable.Range(0, 600).Select(i => Entry(LogSource.StdOut, Start + (i * Second / 10), $"line {i}")).ToList();

        var position = DockerLogPosition.Parse(Read(log, DockerLogPosition.Start)[^1].Position);

        Assert.InRange(position.Skip, 1, 3 * DockerLogTracker.Window / (Second / 10));
        Assert.True(position.SinceUnixNanos > Start + (50 * Second));
    }

    [Fact]
    public void Since_StartPosition_IsNull()
    {
        Assert.Null(new DockerLogTracker(DockerLogPosition.Start).Since);
    }

    [Fact]
    public void Push_CarriageReturnBeforeNewline_IsDropped()
    {
        var tracker = new DockerLogTracker(DockerLogPosition.Start);

        Assert.Equal("tty line", tracker.Push(Entry(LogSource.StdOut, Start, "tty line\r"))!.Text);
    }

    /// <summary>
    /// Stdout and stderr lines, 200 ms apart over 12 s (so "since" moves several times), stderr stamped slightly
    /// before the stdout line written ahead of it, and now and then a long stderr line in three pieces.
    /// </summary>
    private static List<LogRecord> MixedLog()
    {
        var log = new List<LogRecord>();
        for (var i = 0; i < 60; i++)
        {
            var at = Start + (i * Second / 5);
            log.Add(Entry(LogSource.StdOut, at + 50, $"out {i}"));
            if (i % 7 == 3)
            {
                log.Add(Entry(LogSource.StdErr, at + 10, $"long {i} a", endsLine: false));
                log.Add(Entry(LogSource.StdOut, at + 60, $"between {i}"));
                log.Add(Entry(LogSource.StdErr, at + 10, $" b", endsLine: false));
                log.Add(Entry(LogSource.StdErr, at + 10, " c"));
            }
            else
            {
                log.Add(Entry(LogSource.StdErr, at + 20, $"err {i}"));
            }
        }

        return log;
    }

    /// <summary>What a reader gets from the engine, resuming at <paramref name="from"/>.</summary>
    private static List<ProcessLogLine> Read(List<LogRecord> log, DockerLogPosition from)
    {
        var tracker = new DockerLogTracker(from);
        var lines = new List<ProcessLogLine>();
        foreach (var record in log.Where(r => tracker.Since is not { } since || r.UnixNanos >= since))
        {
            if (tracker.Push(record) is { } line)
            {
                lines.Add(line);
            }
        }

        lines.AddRange(tracker.Flush());
        return lines;
    }

    private static string Describe(ProcessLogLine line) => $"{line.Stream} {line.Text} {line.Time:O}";

    private static LogRecord Entry(LogSource source, long unixNanos, string text, bool endsLine = true) =>
        new(source, unixNanos, Encoding.UTF8.GetBytes(text), endsLine);
}
