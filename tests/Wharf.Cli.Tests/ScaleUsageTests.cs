using Wharf.Cli.Tests.Infrastructure;

namespace Wharf.Cli.Tests;

/// <summary>`wharf scale` checks its SERVICE=COUNT words before anything is sent (exit 2, like env set).</summary>
public sealed class ScaleUsageTests
{
    [Theory]
    [InlineData("web", "'web' is not SERVICE=COUNT")]
    [InlineData("web=-1", "'-1' in 'web=-1' is not a process count")]
    [InlineData("web=two", "'two' in 'web=two' is not a process count")]
    [InlineData("Web=1", "'Web' in 'Web=1' is not a service name")]
    [InlineData("=1", "'=1' is not SERVICE=COUNT")]
    public async Task Scale_MalformedCount_ExitsUsageNamingTheWord(string word, string message)
    {
        using var user = new CliSession();

        var scale = await user.RunAsync("scale", "-a", "app", word);

        Assert.True(scale.ExitCode == 2, scale.ToString());
        Assert.Contains(message, scale.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scale_SameServiceTwice_ExitsUsage()
    {
        using var user = new CliSession();

        var scale = await user.RunAsync("scale", "-a", "app", "web=1", "web=2");

        Assert.True(scale.ExitCode == 2, scale.ToString());
        Assert.Contains("'web=2' sets a service that is already set", scale.Stderr, StringComparison.Ordinal);
    }
}
