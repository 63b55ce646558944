using Wharf.Cli.Commands;
using Wharf.Core.Api;

namespace Wharf.Cli.Tests.Unit;

public sealed class LogResumeTests
{
    private static readonly DateTimeOffset _t0 = new(2026, 11, 22, 13, 0, 0, TimeSpan.Zero);
    private static readonly LogRequest _original = new() { Follow = true, Tail = 10, Filter = "tick" };

    [Fact]
    public void Next_NothingPrinted_AsksAgainAsAtFirst() => Assert.Equal(_original, new LogResume().Next(_original));

    [Fact]
    public void Next_AfterLines_AsksFromTheLastLinesTimeWithNoTail()
    {
        var resume = new LogResume();
        resume.IsNew(_t0, "a");
        resume.IsNew(_t0.AddTicks(1234567), "b");

        var next = resume.Next(_original);

        Assert.Equal(_original with { Since = "2026-11-22T13:00:00.1234567+00:00", Tail = null }, next);
    }

    [Fact]
    public void IsNew_AfterReconnect_SkipsWhatWasPrintedAtTheLastInstantAndOlderLinesOnly()
    {
        var resume = new LogResume();
        Assert.True(resume.IsNew(_t0, "a"));
        Assert.True(resume.IsNew(_t0.AddSeconds(1), "b"));
        Assert.True(resume.IsNew(_t0.AddSeconds(1), "c"));
        resume.Next(_original);

        Assert.False(resume.IsNew(_t0, "a"));
        Assert.False(resume.IsNew(_t0.AddSeconds(1), "b"));
        Assert.True(resume.IsNew(_t0.AddSeconds(1), "d"));
        Assert.False(resume.IsNew(_t0.AddSeconds(1), "c"));
        Assert.True(resume.IsNew(_t0.AddSeconds(2), "b"));
    }

    [Fact]
    public void IsNew_SameLineTwiceAtOneInstant_SkipsOnlyAsManyAsWerePrinted()
    {
        var resume = new LogResume();
        resume.IsNew(_t0, "same");
        resume.IsNew(_t0, "same");
        resume.Next(_original);

        var again = Enumerable.Range(0, 3).Select(_ => resume.IsNew(_t0, "same")).ToList();

        Assert.Equal([false, false, true], again);
    }

    [Fact]
    public void IsNew_TwoReconnectsAtOneInstant_SkipsEveryLinePrintedAtItBeforeEither()
    {
        var resume = new LogResume();
        resume.IsNew(_t0, "a");
        resume.Next(_original);
        Assert.False(resume.IsNew(_t0, "a"));
        Assert.True(resume.IsNew(_t0, "b"));
        resume.Next(_original);

        Assert.False(resume.IsNew(_t0, "a"));
        Assert.False(resume.IsNew(_t0, "b"));
        Assert.True(resume.IsNew(_t0, "c"));
    }
}
