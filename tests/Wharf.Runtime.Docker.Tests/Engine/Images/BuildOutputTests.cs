using Wharf.Runtime.Docker.Engine.Images;

namespace Wharf.Runtime.Docker.Tests.Engine.Images;

public sealed class BuildOutputTests
{
    [Fact]
    public void Add_ClassicBuilderMessages_JoinsThemIntoLinesAndTracksTheStep()
    {
        var output = new BuildOutput();
        foreach (var text in new[] { "Step 1/2 : FROM debian", "\n", " ---> 7ce287ba68cd\n", "Step 2/2 : RUN make", "\n", "cc -o app\nld: ", "error\n" })
        {
            output.Add(new ImageProgressMessage { Stream = text });
        }

        output.Add(new ImageProgressMessage { Aux = new ImageProgressAux { Id = "sha256:abc" } });

        Assert.Equal(["Step 1/2 : FROM debian", " ---> 7ce287ba68cd", "Step 2/2 : RUN make", "cc -o app", "ld: error"], output.Complete());
        Assert.Equal("Step 2/2 : RUN make", output.CurrentStep);
        Assert.Equal("sha256:abc", output.ImageId);
    }

    [Fact]
    public void Tail_LongOutput_KeepsTheLastThirtyLines()
    {
        var output = new BuildOutput();
        for (var i = 0; i < 100; i++)
        {
            output.Add(new ImageProgressMessage { Stream = $"line {i}\n" });
        }

        var tail = output.Tail();

        Assert.Equal(30, tail.Count);
        Assert.Equal("line 99", tail[^1]);
    }

    [Theory]
    [InlineData("Step 3/7 : RUN make install", "step 3/7 (RUN make install)")]
    [InlineData(null, null)]
    [InlineData("something else", "something else")]
    public void Describe_StepLine_ReadsNumberAndInstruction(string? line, string? expected)
    {
        Assert.Equal(expected, BuildStep.Describe(line));
    }
}
