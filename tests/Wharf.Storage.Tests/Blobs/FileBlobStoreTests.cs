using Wharf.Core.Blobs;
using Wharf.Storage.Blobs;
using Wharf.Storage.Tests.TestSupport;

namespace Wharf.Storage.Tests.Blobs;

public sealed class FileBlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Root => _directory.Combine("blobs");

    [Fact]
    public async Task PutAsync_Completed_LeavesNoTemporaryFiles()
    {
        await Blobs.PutAsync("apps/hello/log", Text("a"));
        await Blobs.PutAsync("apps/hello/log", Text("b"));

        Assert.Equal([Path.Combine(Root, "apps", "hello", "log")], Directory.GetFiles(Root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ListAsync_TemporaryFileLeftByACrash_IsNotListed()
    {
        await Blobs.PutAsync("apps/hello/log", Text("a"));
        await File.WriteAllTextAsync(Path.Combine(Root, "apps", "hello", ".tmp-0123456789abcdef"), "half");

        Assert.Equal(["apps/hello/log"], await Blobs.ListAsync(""));
    }

    [Fact]
    public async Task OpenReadAsync_BlobReplacedWhileReading_ReaderKeepsTheOldContent()
    {
        await Blobs.PutAsync("apps/hello/log", Text("old"));
        await using var reader = await Blobs.OpenReadAsync("apps/hello/log");

        await Blobs.PutAsync("apps/hello/log", Text("new"));

        using var text = new StreamReader(reader!);
        Assert.Equal("old", await text.ReadToEndAsync());
        Assert.Equal("new", await ReadTextAsync("apps/hello/log"));
    }

    [Fact]
    public void Name_IsFilesystem()
    {
        Assert.Equal("filesystem", Blobs.Name);
    }

    public void Dispose() => _directory.Dispose();

    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(new FileBlobStore(Root));
}
