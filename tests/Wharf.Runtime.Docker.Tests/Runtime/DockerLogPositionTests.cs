using Wharf.Runtime.Docker.Runtime;

namespace Wharf.Runtime.Docker.Tests.Runtime;

public sealed class DockerLogPositionTests
{
    [Fact]
    public void Parse_WhatToStringWrote_IsTheSamePosition()
    {
        var position = new DockerLogPosition(1_800_000_000_123_456_789, 42);

        Assert.Equal(position, DockerLogPosition.Parse(position.ToString()));
    }

    [Fact]
    public void Parse_Null_IsTheStart()
    {
        Assert.Equal(DockerLogPosition.Start, DockerLogPosition.Parse(null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-05-01T10:00:00Z")]
    [InlineData("d1:12")]
    [InlineData("d1:x:1")]
    [InlineData("d2:1:1")]
    public void Parse_SomethingElse_ThrowsNamingTheForm(string text)
    {
        var e = Assert.Throws<FormatException>(() => DockerLogPosition.Parse(text));

        Assert.Contains("d1:SINCE:SKIP", e.Message, StringComparison.Ordinal);
    }
}
