using Wharf.Core.Deployments;

namespace Wharf.Core.Tests.Deployments;

public sealed class ContextArchiveTests
{
    [Fact]
    public async Task ReadManifestAsync_DotSlashNames_FindsWharfYml()
    {
        using var tar = TestTar.Create(("./", ""), ("./src/wharf.yml", "nested"), ("./wharf.yml", "services: {}\n"));

        var manifest = await ContextArchive.ReadManifestAsync(tar);

        Assert.Equal(new ManifestFile("wharf.yml", "services: {}\n"), manifest);
    }

    [Fact]
    public async Task ReadManifestAsync_OnlyWharfYaml_UsesIt()
    {
        using var tar = TestTar.Create(("wharf.yaml", "x: 1\n"));

        Assert.Equal("wharf.yaml", (await ContextArchive.ReadManifestAsync(tar))!.Name);
    }

    [Fact]
    public async Task ReadManifestAsync_NotATar_FailsWithASentence()
    {
        using var garbage = new MemoryStream([.. Enumerable.Repeat((byte)'x', 2048)]);

        var error = await Assert.ThrowsAsync<DeploymentFailedException>(() => ContextArchive.ReadManifestAsync(garbage));

        Assert.StartsWith("The uploaded source is not a readable tar archive", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("./api/")]
    [InlineData("web/../api")]
    public async Task ExtractSubtreeAsync_Directory_RootsTheTarThere(string path)
    {
        using var tar = TestTar.Create(("api/", ""), ("api/Dockerfile", "FROM x"), ("api/src/main.py", "print()"), ("apiary/x", "no"), ("web/y", "no"));
        using var subtree = new MemoryStream();

        var written = await ContextArchive.ExtractSubtreeAsync(tar, path, subtree);

        subtree.Position = 0;
        Assert.Equal(2, written);
        Assert.Equal([("Dockerfile", "FROM x"), ("src/main.py", "print()")], TestTar.Read(subtree));
    }

    [Fact]
    public async Task ExtractSubtreeAsync_MissingDirectory_WritesNothing()
    {
        using var tar = TestTar.Create(("web/y", "no"));
        using var subtree = new MemoryStream();

        Assert.Equal(0, await ContextArchive.ExtractSubtreeAsync(tar, "api", subtree));
    }

    [Theory]
    [InlineData(".", "")]
    [InlineData("", "")]
    [InlineData("./a/./b/", "a/b/")]
    [InlineData("a/../..", "")]
    public void DirectoryPrefix_Paths_Normalized(string path, string expected) =>
        Assert.Equal(expected, ContextArchive.DirectoryPrefix(path));
}
