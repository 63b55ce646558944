using System.Text;
using Wharf.Core.Blobs;
using Wharf.Storage.Tests.TestSupport;

namespace Wharf.Storage.Tests.Blobs;

/// <summary>The behaviour every <see cref="IBlobStore"/> must have, run against each implementation over a real backend.</summary>
public abstract class BlobStoreContract : IAsyncLifetime
{
    protected IBlobStore Blobs { get; private set; } = null!;

    public static TheoryData<string> InvalidKeys =>
    [
        "",
        "/etc/passwd",
        "..",
        "apps/../../etc/passwd",
        "apps/./hello",
        "apps\\hello",
        "apps//hello",
        "apps/hello/",
        ".hidden",
        "apps/.tmp-123",
        "apps/he\0llo",
    ];

    public async Task InitializeAsync() => Blobs = await CreateStoreAsync();

    public Task DisposeAsync() => CleanUpAsync();

    [Fact]
    public async Task PutAsync_ThenOpenRead_ReturnsTheSameBytes()
    {
        await Blobs.PutAsync("apps/hello/builds/1/context.tar", Text("context"));

        Assert.Equal("context", await ReadTextAsync("apps/hello/builds/1/context.tar"));
    }

    [Fact]
    public async Task PutAsync_EmptyContent_StoresAnEmptyBlob()
    {
        await Blobs.PutAsync("apps/hello/empty", new MemoryStream());

        Assert.True(await Blobs.ExistsAsync("apps/hello/empty"));
        Assert.Equal("", await ReadTextAsync("apps/hello/empty"));
    }

    [Fact]
    public async Task PutAsync_ExistingKey_ReplacesTheContent()
    {
        await Blobs.PutAsync("apps/hello/log", Text("first, and longer"));

        await Blobs.PutAsync("apps/hello/log", Text("second"));

        Assert.Equal("second", await ReadTextAsync("apps/hello/log"));
    }

    [Fact]
    public async Task PutAsync_LargeNonSeekableStream_StoresEveryByte()
    {
        var content = new byte[3 * 1024 * 1024 + 17];
        new Random(42).NextBytes(content);

        await Blobs.PutAsync("apps/hello/builds/2/context.tar", new NonSeekableStream(content));

        await using var read = await Blobs.OpenReadAsync("apps/hello/builds/2/context.tar");
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task PutAsync_SeekableStreamNotAtStart_StoresTheRestOfIt()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("skip-keep"));
        stream.Position = 5;

        await Blobs.PutAsync("apps/hello/rest", stream);

        Assert.Equal("keep", await ReadTextAsync("apps/hello/rest"));
    }

    [Fact]
    public async Task PutAsync_StreamFailsHalfway_KeepsTheOldBlobWhole()
    {
        await Blobs.PutAsync("apps/hello/log", Text("old"));

        await Assert.ThrowsAsync<IOException>(() => Blobs.PutAsync("apps/hello/log", new FailingStream(100_000)));

        Assert.Equal("old", await ReadTextAsync("apps/hello/log"));
        Assert.Equal(["apps/hello/log"], await Blobs.ListAsync("apps/"));
    }

    [Fact]
    public async Task OpenReadAsync_MissingKey_ReturnsNull()
    {
        Assert.Null(await Blobs.OpenReadAsync("apps/none/log"));
    }

    [Fact]
    public async Task ExistsAsync_BeforeAndAfterPut_FalseThenTrue()
    {
        Assert.False(await Blobs.ExistsAsync("apps/hello/log"));

        await Blobs.PutAsync("apps/hello/log", Text("x"));

        Assert.True(await Blobs.ExistsAsync("apps/hello/log"));
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenAgain_TrueThenFalse()
    {
        await Blobs.PutAsync("apps/hello/log", Text("x"));

        Assert.True(await Blobs.DeleteAsync("apps/hello/log"));
        Assert.False(await Blobs.DeleteAsync("apps/hello/log"));

        Assert.Null(await Blobs.OpenReadAsync("apps/hello/log"));
    }

    [Fact]
    public async Task ListAsync_Prefixes_ReturnMatchingKeysInOrdinalOrder()
    {
        string[] keys =
        [
            "apps/hello/builds/2/context.tar",
            "apps/hello/builds/10/context.tar",
            "apps/hello/builds/1/context.tar",
            "apps/hello/Logs/1",
            "apps/hello-two/builds/1/context.tar",
            "apps/help",
            "other/x",
        ];
        foreach (var key in keys)
        {
            await Blobs.PutAsync(key, Text(key));
        }

        Assert.Equal(
            ["apps/hello/Logs/1", "apps/hello/builds/1/context.tar", "apps/hello/builds/10/context.tar", "apps/hello/builds/2/context.tar"],
            await Blobs.ListAsync("apps/hello/"));
        Assert.Equal(
            ["apps/hello-two/builds/1/context.tar", "apps/hello/Logs/1", "apps/hello/builds/1/context.tar", "apps/hello/builds/10/context.tar", "apps/hello/builds/2/context.tar", "apps/help"],
            await Blobs.ListAsync("apps/hel"));
        Assert.Equal(keys.Order(StringComparer.Ordinal), await Blobs.ListAsync(""));
        Assert.Empty(await Blobs.ListAsync("apps/nothing/"));
    }

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task PutAsync_InvalidKey_ThrowsArgumentExceptionNamingTheKey(string key)
    {
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => Blobs.PutAsync(key, Text("x")));

        Assert.Contains("key", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/abs")]
    [InlineData("a/../b")]
    [InlineData("a\\b")]
    public async Task ReadExistsDeleteList_InvalidKey_ThrowArgumentException(string key)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Blobs.OpenReadAsync(key));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Blobs.ExistsAsync(key));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Blobs.DeleteAsync(key));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Blobs.ListAsync(key));
    }

    protected abstract Task<IBlobStore> CreateStoreAsync();

    /// <summary>Removes what the test left on the backend.</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    protected static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    protected async Task<string?> ReadTextAsync(string key)
    {
        await using var stream = await Blobs.OpenReadAsync(key);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
