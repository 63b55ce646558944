using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Engine.Images;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Integration;

[Trait("Category", TestCategories.Docker)]
public sealed class ImageTests(DockerEngineFixture docker) : IClassFixture<DockerEngineFixture>
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token;

    [Fact]
    public async Task BuildAsync_TinyDockerfile_StreamsProgressAndTagsTheImage()
    {
        var tag = $"wharf-test/{docker.RunId}-tiny:v1";
        using var context = TarContext.Create(
            ("Dockerfile", $"FROM {DockerEngineFixture.BaseImage}\nCOPY greeting.txt /greeting.txt\nRUN echo built-by-wharf && cat /greeting.txt\nCMD [\"cat\", \"/greeting.txt\"]\n"),
            ("greeting.txt", "hello from the context\n"));
        var progress = new List<ImageProgressMessage>();

        var result = await docker.Client.Images.BuildAsync(
            new ImageBuildRequest { Tags = [tag], Labels = docker.Labels, NoCache = true }, context, progress.Add, Timeout);

        Assert.StartsWith("sha256:", result.ImageId, StringComparison.Ordinal);
        // The builder appends one LABEL step per label to the Dockerfile's four.
        Assert.Contains(progress, m => m.Stream?.StartsWith("Step 1/6 : FROM", StringComparison.Ordinal) == true);
        Assert.Contains("built-by-wharf", result.Output);
        Assert.Contains("hello from the context", result.Output);
        var image = await docker.Client.Images.InspectAsync(tag, Timeout);
        Assert.NotNull(image);
        Assert.Equal(result.ImageId, image.Id);
        Assert.Equal(["cat", "/greeting.txt"], image.Config!.Cmd);
        Assert.Equal(docker.RunId, image.Config.Labels![DockerEngineFixture.RunLabel]);
        var listed = await docker.Client.Images.ListAsync(docker.RunFilter, Timeout);
        Assert.Contains(listed, i => i.Id == result.ImageId && i.RepoTags!.Contains(tag));
    }

    [Fact]
    public async Task BuildAsync_FailingRunStep_ThrowsWithTheErrorLineAndOutput()
    {
        using var context = TarContext.WithDockerfile(
            $"FROM {DockerEngineFixture.BaseImage}\nRUN echo about-to-fail && exit 3\n");

        var error = await Assert.ThrowsAsync<DockerBuildException>(() => docker.Client.Images.BuildAsync(
            new ImageBuildRequest { Tags = [$"wharf-test/{docker.RunId}-broken:v1"], Labels = docker.Labels }, context, null, Timeout));

        Assert.Contains("returned a non-zero code: 3", error.ErrorLine, StringComparison.Ordinal);
        Assert.Contains("RUN echo about-to-fail && exit 3", error.Step, StringComparison.Ordinal);
        Assert.Contains("about-to-fail", error.LastLines);
        Assert.Contains("failed at step 2/4 (RUN echo about-to-fail && exit 3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_NoDockerfileInContext_SaysWhereItWasLookedFor()
    {
        using var context = TarContext.Create(("app.txt", "no dockerfile here"));

        var error = await Assert.ThrowsAsync<DockerEngineException>(() => docker.Client.Images.BuildAsync(
            new ImageBuildRequest { Tags = [$"wharf-test/{docker.RunId}-nodockerfile:v1"], Dockerfile = "deploy/Dockerfile" }, context, null, Timeout));

        Assert.StartsWith("Dockerfile not found at deploy/Dockerfile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TagAsync_ThenRemoveAsync_NameComesAndGoes()
    {
        var repository = $"wharf-test/{docker.RunId}-base";
        var baseImage = await docker.Client.Images.InspectAsync(DockerEngineFixture.BaseImage, Timeout);

        await docker.Client.Images.TagAsync(DockerEngineFixture.BaseImage, repository, "v7", Timeout);
        var tagged = await docker.Client.Images.InspectAsync($"{repository}:v7", Timeout);
        var removed = await docker.Client.Images.RemoveAsync($"{repository}:v7", ct: Timeout);

        Assert.Equal(baseImage!.Id, tagged!.Id);
        Assert.Contains(removed, r => r.Untagged == $"{repository}:v7");
        Assert.DoesNotContain(removed, r => r.Deleted is not null);
        Assert.Null(await docker.Client.Images.InspectAsync($"{repository}:v7", Timeout));
        Assert.NotNull(await docker.Client.Images.InspectAsync(DockerEngineFixture.BaseImage, Timeout));
    }

    [Fact]
    public async Task InspectAsync_UnknownImage_ReturnsNull()
    {
        Assert.Null(await docker.Client.Images.InspectAsync($"wharf-test/{docker.RunId}-never-built:v1", Timeout));
    }

    [Fact]
    public async Task RemoveAsync_UnknownImage_SaysItIsNotFound()
    {
        var name = $"wharf-test/{docker.RunId}-never-built:v1";

        var error = await Assert.ThrowsAsync<DockerEngineException>(() => docker.Client.Images.RemoveAsync(name, ct: Timeout));

        Assert.True(error.IsNotFound);
        Assert.Equal($"image {name} not found: build it first or check the name", error.Message);
    }
}
