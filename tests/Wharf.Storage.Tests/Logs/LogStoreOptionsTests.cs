using Wharf.Storage.Logs;

namespace Wharf.Storage.Tests.Logs;

public sealed class LogStoreOptionsTests
{
    [Fact]
    public void Validate_Defaults_WithADirectory_HaveNoProblems()
    {
        Assert.Empty(new LogStoreOptions { Directory = "/var/lib/wharf/logs" }.Validate());
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryProblemNamingItsSetting()
    {
        var options = new LogStoreOptions { Directory = "", SegmentBytes = 10, MaxAge = TimeSpan.Zero, MaxLineBytes = 1 };

        var problems = options.Validate();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, problem => problem.StartsWith("Logs:Directory is empty", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.StartsWith("Logs:SegmentBytes is 10", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.StartsWith("Logs:MaxAge is", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.StartsWith("Logs:MaxLineBytes is 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SizeLimitBelowTwoSegments_IsAProblem()
    {
        var problems = new LogStoreOptions { Directory = "/logs", SegmentBytes = 1 << 20, MaxBytesPerApp = 1 << 20 }.Validate();

        Assert.Contains("at least twice Logs:SegmentBytes", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_InvalidOptions_ThrowsWithTheProblems()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => LogStoreFactory.Open(new LogStoreOptions()));

        Assert.Contains("Logs:Directory is empty", ex.Message, StringComparison.Ordinal);
    }
}
