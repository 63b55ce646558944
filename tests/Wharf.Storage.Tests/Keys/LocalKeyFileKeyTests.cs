using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Wharf.Storage.Keys;
using Wharf.Storage.Tests.TestSupport;

namespace Wharf.Storage.Tests.Keys;

// File modes are what these tests check; Wharf servers run on Linux.
[UnsupportedOSPlatform("windows")]
public sealed class LocalKeyFileKeyTests : IDisposable
{
    private static readonly byte[] _associatedData = Encoding.UTF8.GetBytes("wharf/env/v1/hello/1");

    private readonly TempDirectory _directory = new();

    private string KeyPath => _directory.Combine("keys", "kek.key");

    [Fact]
    public void Constructor_NoKeyFile_Creates32ByteFileReadableByOwnerOnly()
    {
        var key = new LocalKeyFileKey(KeyPath);

        Assert.Equal(32, new FileInfo(KeyPath).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(KeyPath)!));
        Assert.Equal("local", key.Name);
        Assert.Equal(["kek.key"], Directory.GetFiles(Path.GetDirectoryName(KeyPath)!).Select(Path.GetFileName));
    }

    [Fact]
    public void KeyId_IsTheFirst8BytesOfTheKeysSha256InHex()
    {
        var key = new LocalKeyFileKey(KeyPath);

        var expected = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(KeyPath)))[..16];
        Assert.Equal(expected, key.KeyId);
    }

    [Fact]
    public async Task Constructor_ExistingKeyFile_ReusesTheKey()
    {
        var first = new LocalKeyFileKey(KeyPath);
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var wrapped = await first.WrapAsync(dataKey, _associatedData);

        var second = new LocalKeyFileKey(KeyPath);

        Assert.Equal(first.KeyId, second.KeyId);
        Assert.Equal(dataKey, await second.UnwrapAsync(second.KeyId, wrapped, _associatedData));
    }

    [Fact]
    public async Task Constructor_ManyServersStartingAtOnce_AllUseOneKey()
    {
        var keys = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => new LocalKeyFileKey(KeyPath))));

        Assert.Single(keys.Select(k => k.KeyId).Distinct());
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(KeyPath)!));
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, "0644")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, "0640")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.OtherWrite, "0402")]
    public void Constructor_KeyFileOthersCanAccess_RefusesWithChmodAdvice(UnixFileMode mode, string octal)
    {
        _ = new LocalKeyFileKey(KeyPath);
        File.SetUnixFileMode(KeyPath, mode);

        var ex = Assert.Throws<InvalidOperationException>(() => new LocalKeyFileKey(KeyPath));

        Assert.Contains(octal, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 {KeyPath}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(64)]
    public void Constructor_KeyFileOfTheWrongSize_RefusesToStart(int size)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
        File.WriteAllBytes(KeyPath, new byte[size]);
        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var ex = Assert.Throws<InvalidOperationException>(() => new LocalKeyFileKey(KeyPath));

        Assert.Contains($"holds {size} bytes", ex.Message, StringComparison.Ordinal);
        Assert.Equal(size, new FileInfo(KeyPath).Length);
    }

    [Fact]
    public async Task WrapAsync_DataKey_IsNonceCiphertextTagAndFreshEachTime()
    {
        var key = new LocalKeyFileKey(KeyPath);
        var dataKey = RandomNumberGenerator.GetBytes(32);

        var first = await key.WrapAsync(dataKey, _associatedData);
        var second = await key.WrapAsync(dataKey, _associatedData);

        Assert.Equal(12 + 32 + 16, first.Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task UnwrapAsync_OtherAssociatedData_ThrowsCryptographicException()
    {
        var key = new LocalKeyFileKey(KeyPath);
        var wrapped = await key.WrapAsync(RandomNumberGenerator.GetBytes(32), _associatedData);

        await Assert.ThrowsAnyAsync<CryptographicException>(
            () => key.UnwrapAsync(key.KeyId, wrapped, Encoding.UTF8.GetBytes("wharf/env/v1/hello/2")));
    }

    [Fact]
    public async Task UnwrapAsync_OtherKeyId_ThrowsNamingBothKeys()
    {
        var key = new LocalKeyFileKey(KeyPath);
        var wrapped = await key.WrapAsync(RandomNumberGenerator.GetBytes(32), _associatedData);

        var ex = await Assert.ThrowsAnyAsync<CryptographicException>(() => key.UnwrapAsync("0011223344556677", wrapped, _associatedData));

        Assert.Contains("0011223344556677", ex.Message, StringComparison.Ordinal);
        Assert.Contains(key.KeyId, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnwrapAsync_KeyFromAnotherFile_ThrowsCryptographicException()
    {
        var key = new LocalKeyFileKey(KeyPath);
        var other = new LocalKeyFileKey(_directory.Combine("other", "kek.key"));
        var wrapped = await other.WrapAsync(RandomNumberGenerator.GetBytes(32), _associatedData);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => key.UnwrapAsync(key.KeyId, wrapped, _associatedData));
    }

    public void Dispose() => _directory.Dispose();
}
