using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Tests.Integration;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Runtime;

[Trait("Category", TestCategories.Docker)]
[Collection(RuntimeTestGroup.Name)]
public sealed class ImageBuilderTests(RuntimeFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token;

    [Fact]
    public async Task BuildAsync_GoodDockerfile_PassesEveryLineOnAndReturnsTheImageId()
    {
        Assert.StartsWith("sha256:", fixture.ImageId, StringComparison.Ordinal);
        Assert.Equal($"Step 1/4 : FROM {DockerEngineFixture.BaseImage}", fixture.BuildOutput[0]);
        Assert.Contains(fixture.BuildOutput, l => l.StartsWith("Successfully tagged " + fixture.Image, StringComparison.Ordinal));
        Assert.All(fixture.BuildOutput, l => Assert.False(string.IsNullOrWhiteSpace(l) || l.EndsWith('\n'), $"line '{l}'"));
        Assert.True(await fixture.NewBuilder().ExistsAsync(fixture.Image, Timeout));
    }

    [Fact]
    public async Task BuildAsync_BuildArguments_ReachTheDockerfile()
    {
        var tag = $"wharf-test/runtime-{fixture.RunId}-args:1";
        using var context = TarContext.WithDockerfile($"""
            FROM {DockerEngineFixture.BaseImage}
            LABEL {DockerEngineFixture.TestLabel}=1
            ARG GREETING
            RUN echo "greeting=$GREETING"
            """);
        var lines = new List<string>();

        var imageId = await fixture.NewBuilder().BuildAsync(
            new ImageBuildRequest(context, "Dockerfile", new Dictionary<string, string> { ["GREETING"] = "ahoy" }, tag), Collect(lines), Timeout);

        await fixture.Client.Images.RemoveAsync(imageId, force: true, Timeout);
        Assert.Contains("greeting=ahoy", lines);
    }

    [Fact]
    public async Task BuildAsync_FailingRunStep_SaysWhichStepAndShowsTheLinesBeforeIt()
    {
        using var context = TarContext.WithDockerfile($"FROM {DockerEngineFixture.BaseImage}\nRUN echo about-to-fail && exit 3\n");
        var lines = new List<string>();

        var error = await Assert.ThrowsAsync<ImageBuildException>(() => fixture.NewBuilder().BuildAsync(
            new ImageBuildRequest(context, "Dockerfile", new Dictionary<string, string>(), $"wharf-test/runtime-{fixture.RunId}-broken:1"),
            Collect(lines),
            Timeout));

        var message = error.Message.Split('\n');
        Assert.Contains("failed at step 2/2 (RUN echo about-to-fail && exit 3)", message[0], StringComparison.Ordinal);
        Assert.Contains("returned a non-zero code: 3", message[0], StringComparison.Ordinal);
        Assert.Contains("about-to-fail", message.Skip(1));
        Assert.InRange(message.Length - 1, 1, 20);
        Assert.Contains("about-to-fail", lines);
    }

    [Fact]
    public async Task BuildAsync_NoDockerfileAtThePath_SaysWhereItLooked()
    {
        using var context = TarContext.Create(("app.txt", "no dockerfile here"));

        var error = await Assert.ThrowsAsync<ImageBuildException>(() => fixture.NewBuilder().BuildAsync(
            new ImageBuildRequest(context, "deploy/Dockerfile", new Dictionary<string, string>(), $"wharf-test/runtime-{fixture.RunId}-none:1"),
            (_, _) => Task.CompletedTask,
            Timeout));

        Assert.Contains("Dockerfile not found at deploy/Dockerfile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TagAsync_ExistingImage_TheNewNameExists()
    {
        var builder = fixture.NewBuilder();
        var tag = $"wharf-test/runtime-{fixture.RunId}-again:7";
        Assert.False(await builder.ExistsAsync(tag, Timeout));

        await builder.TagAsync(fixture.Image, tag, Timeout);

        Assert.True(await builder.ExistsAsync(tag, Timeout));
        Assert.Equal(fixture.ImageId, (await fixture.Client.Images.InspectAsync(tag, Timeout))!.Id);
        await fixture.Client.Images.RemoveAsync(tag, ct: Timeout);
    }

    private static Func<string, CancellationToken, Task> Collect(List<string> lines) => (line, _) =>
    {
        lines.Add(line);
        return Task.CompletedTask;
    };
}
