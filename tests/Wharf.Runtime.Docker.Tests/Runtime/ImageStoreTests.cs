using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Runtime;
using Wharf.Runtime.Docker.Tests.Integration;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Runtime;

[Trait("Category", TestCategories.Docker)]
[Collection(RuntimeTestGroup.Name)]
public sealed class ImageStoreTests(RuntimeFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token;

    [Fact]
    public async Task RemoveTagAsync_NamesOfOneImage_EachGoesAloneAndAContainerHoldsTheLast()
    {
        var prefix = $"wharf-test/imgstore-{fixture.RunId}-";
        var first = prefix + "web:1";
        var second = prefix + "web:2";
        using (var context = TarContext.WithDockerfile($"FROM {DockerEngineFixture.BaseImage}\nLABEL {DockerEngineFixture.TestLabel}=1 wharf.test.store={fixture.RunId}\n"))
        {
            await fixture.NewBuilder().BuildAsync(new ImageBuildRequest(context, "Dockerfile", new Dictionary<string, string>(), first), (_, _) => Task.CompletedTask, Timeout);
        }

        await fixture.NewBuilder().TagAsync(first, second, Timeout);
        var store = new DockerImageStore(fixture.Client);
        Assert.Equal([first, second], await store.ListTagsAsync(prefix, Timeout));

        // One name of two: only that name goes.
        Assert.True(await store.RemoveTagAsync(first, Timeout));
        Assert.Equal([second], await store.ListTagsAsync(prefix, Timeout));

        // The last name, while a (stopped) container uses the image: the engine keeps it.
        var container = await fixture.Client.Containers.CreateAsync(
            new ContainerSpec { Image = second, Cmd = ["true"], Labels = new Dictionary<string, string> { [DockerEngineFixture.TestLabel] = "1" } }, Timeout);
        try
        {
            Assert.False(await store.RemoveTagAsync(second, Timeout));
            Assert.Equal([second], await store.ListTagsAsync(prefix, Timeout));
        }
        finally
        {
            await fixture.Client.Containers.RemoveAsync(container.Id, force: true, ct: Timeout);
        }

        Assert.True(await store.RemoveTagAsync(second, Timeout));
        Assert.Empty(await store.ListTagsAsync(prefix, Timeout));
        Assert.Null(await fixture.Client.Images.InspectAsync(second, Timeout));
        Assert.False(await store.RemoveTagAsync(second, Timeout));
    }
}
