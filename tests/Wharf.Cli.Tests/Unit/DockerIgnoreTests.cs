using Wharf.Cli.Context;

namespace Wharf.Cli.Tests.Unit;

/// <summary>Docker's .dockerignore rules, case by case, as `docker build` applies them.</summary>
public sealed class DockerIgnoreTests
{
    [Theory]
    [InlineData("*.log", "app.log", true)]
    [InlineData("*.log", "logs/app.log", false)]
    [InlineData("*/*.log", "logs/app.log", true)]
    [InlineData("**/*.log", "app.log", true)]
    [InlineData("**/*.log", "a/b/c/app.log", true)]
    [InlineData("a/**/z", "a/z", true)]
    [InlineData("a/**/z", "a/b/c/z", true)]
    [InlineData("a/**", "a/b/c", true)]
    [InlineData("tmp?", "tmp1", true)]
    [InlineData("tmp?", "tmp12", false)]
    [InlineData("tmp?", "tmp/", false)]
    [InlineData("file[0-9].txt", "file7.txt", true)]
    [InlineData("file[0-9].txt", "fileX.txt", false)]
    [InlineData(@"\*.txt", "*.txt", true)]
    [InlineData(@"\*.txt", "a.txt", false)]
    [InlineData("a.b", "axb", false)]
    public void IsExcluded_GlobPattern_MatchesAsDockerDoes(string pattern, string path, bool excluded)
    {
        var ignore = DockerIgnore.Parse(pattern, []);

        Assert.Equal(excluded, ignore.IsExcluded(path));
    }

    [Fact]
    public void IsExcluded_DirectoryPattern_ExcludesEverythingBelowIt()
    {
        var ignore = DockerIgnore.Parse("node_modules\n", []);

        Assert.True(ignore.IsExcluded("node_modules"));
        Assert.True(ignore.IsExcluded("node_modules/left-pad/index.js"));
        Assert.False(ignore.IsExcluded("src/node_modules_notes.txt"));
    }

    [Fact]
    public void IsExcluded_NegationAfterExclusion_ReincludesTheFile()
    {
        var ignore = DockerIgnore.Parse("*.md\n!README.md\n", []);

        Assert.True(ignore.IsExcluded("CHANGES.md"));
        Assert.False(ignore.IsExcluded("README.md"));
    }

    [Fact]
    public void IsExcluded_ExclusionAfterNegation_LastMatchingRuleWins()
    {
        var ignore = DockerIgnore.Parse("*.md\n!README*.md\nREADME-secret.md\n", []);

        Assert.False(ignore.IsExcluded("README.md"));
        Assert.True(ignore.IsExcluded("README-secret.md"));
    }

    [Fact]
    public void IsExcluded_NegationBelowExcludedDirectory_ReincludesOnlyThatFile()
    {
        var ignore = DockerIgnore.Parse("docs\n!docs/keep.txt\n", []);

        Assert.True(ignore.IsExcluded("docs/drop.txt"));
        Assert.False(ignore.IsExcluded("docs/keep.txt"));
        Assert.True(ignore.MayReincludeBelow("docs"));
        Assert.False(ignore.MayReincludeBelow("other"));
    }

    [Fact]
    public void Parse_LeadingSlashDotAndTrailingSlash_MeanTheSamePath()
    {
        var ignore = DockerIgnore.Parse("/build/\n./out\ncache//x/../y\n", []);

        Assert.True(ignore.IsExcluded("build/app.dll"));
        Assert.True(ignore.IsExcluded("out"));
        Assert.True(ignore.IsExcluded("cache/y"));
        Assert.False(ignore.IsExcluded("cache/x"));
    }

    [Fact]
    public void Parse_CommentsAndBlankLines_AreNotRules()
    {
        var ignore = DockerIgnore.Parse("# a comment\n\n   \r\n*.tmp\n", []);

        Assert.Single(ignore.Patterns);
        Assert.False(ignore.IsExcluded("# a comment"));
    }

    [Fact]
    public void Parse_AlwaysSentFiles_SurviveAnExcludeEverythingRule()
    {
        var ignore = DockerIgnore.Parse("*\n", ["Dockerfile", ".dockerignore", "wharf.yml", "api/Dockerfile"]);

        Assert.False(ignore.IsExcluded("Dockerfile"));
        Assert.False(ignore.IsExcluded(".dockerignore"));
        Assert.False(ignore.IsExcluded("wharf.yml"));
        Assert.False(ignore.IsExcluded("api/Dockerfile"));
        Assert.True(ignore.IsExcluded("api/main.go"));
        Assert.True(ignore.MayReincludeBelow("api"));
    }
}
