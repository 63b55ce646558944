using System.Text;
using Wharf.Core.Crypto;

namespace Wharf.Core.Tests.Crypto;

public sealed class EnvelopeCipherTests
{
    private static readonly byte[] _plaintext = Encoding.UTF8.GetBytes("{\"DATABASE_URL\":\"postgres://u:secret@db/app\"}");

    private readonly RecordingKeyEncryptionKey _kek = new();

    private EnvelopeCipher Cipher => new(_kek);

    public static TheoryData<string, int> FlippedBits => new()
    {
        { nameof(SealedBox.Ciphertext), 0 },
        { nameof(SealedBox.Ciphertext), 8 * 20 + 3 },
        { nameof(SealedBox.Tag), 0 },
        { nameof(SealedBox.Tag), 127 },
        { nameof(SealedBox.Nonce), 0 },
        { nameof(SealedBox.Nonce), 95 },
        { nameof(SealedBox.WrappedKey), 0 },
        { nameof(SealedBox.WrappedKey), 8 * 20 },
        { nameof(SealedBox.WrappedKey), 8 * 59 + 7 },
    };

    [Fact]
    public async Task SealAsync_ThenOpenAsync_ReturnsThePlaintext()
    {
        var ad = EnvelopeCipher.EnvAssociatedData("hello", 1);

        var box = await Cipher.SealAsync(_plaintext, ad);

        Assert.Equal(_plaintext, await Cipher.OpenAsync(box, ad));
    }

    [Fact]
    public async Task SealAsync_EmptyPlaintext_RoundTrips()
    {
        var ad = EnvelopeCipher.EnvAssociatedData("hello", 1);

        Assert.Empty(await Cipher.OpenAsync(await Cipher.SealAsync([], ad), ad));
    }

    [Fact]
    public async Task SealAsync_Box_HasTheKeyId12ByteNonce16ByteTagAndNoPlaintext()
    {
        var box = await Cipher.SealAsync(_plaintext, EnvelopeCipher.EnvAssociatedData("hello", 1));

        Assert.Equal(_kek.KeyId, box.KeyId);
        Assert.Equal(12, box.Nonce.Length);
        Assert.Equal(16, box.Tag.Length);
        Assert.Equal(_plaintext.Length, box.Ciphertext.Length);
        Assert.NotEqual(_plaintext, box.Ciphertext);
    }

    [Fact]
    public async Task SealAsync_SamePlaintextTwice_UsesAFreshDataKeyAndNonceEachTime()
    {
        var ad = EnvelopeCipher.EnvAssociatedData("hello", 1);

        var first = await Cipher.SealAsync(_plaintext, ad);
        var second = await Cipher.SealAsync(_plaintext, ad);

        Assert.Equal(2, _kek.Wrapped.Count);
        Assert.NotEqual(_kek.Wrapped[0].Copy, _kek.Wrapped[1].Copy);
        Assert.NotEqual(first.Ciphertext, second.Ciphertext);
        Assert.NotEqual(first.Nonce, second.Nonce);
        Assert.NotEqual(first.WrappedKey, second.WrappedKey);
    }

    [Fact]
    public async Task SealAsync_AfterSealing_DataKeyIsZeroedInMemory()
    {
        await Cipher.SealAsync(_plaintext, EnvelopeCipher.EnvAssociatedData("hello", 1));

        var (passed, copy) = Assert.Single(_kek.Wrapped);
        Assert.Equal(32, copy.Length);
        Assert.Contains(copy, b => b != 0);
        Assert.All(passed, b => Assert.Equal(0, b));
    }

    [Theory]
    [MemberData(nameof(FlippedBits))]
    public async Task OpenAsync_OneBitFlipped_ThrowsTampered(string field, int bit)
    {
        var ad = EnvelopeCipher.EnvAssociatedData("hello", 1);
        var box = await Cipher.SealAsync(_plaintext, ad);

        var tampered = field switch
        {
            nameof(SealedBox.Ciphertext) => box with { Ciphertext = Flip(box.Ciphertext, bit) },
            nameof(SealedBox.Tag) => box with { Tag = Flip(box.Tag, bit) },
            nameof(SealedBox.Nonce) => box with { Nonce = Flip(box.Nonce, bit) },
            _ => box with { WrappedKey = Flip(box.WrappedKey, bit) },
        };

        var ex = await Assert.ThrowsAsync<SealedBoxTamperedException>(() => Cipher.OpenAsync(tampered, ad));
        Assert.Contains("tampered", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("other", 1)]
    [InlineData("hello", 2)]
    [InlineData("hell", 1)]
    public async Task OpenAsync_BoxSealedForAnotherAppOrVersion_ThrowsTampered(string app, int version)
    {
        var box = await Cipher.SealAsync(_plaintext, EnvelopeCipher.EnvAssociatedData("hello", 1));

        await Assert.ThrowsAsync<SealedBoxTamperedException>(() => Cipher.OpenAsync(box, EnvelopeCipher.EnvAssociatedData(app, version)));
    }

    [Fact]
    public async Task OpenAsync_BoxWrappedByAnotherKeyId_ThrowsTamperedNamingBothKeys()
    {
        var ad = EnvelopeCipher.EnvAssociatedData("hello", 1);
        var box = await new EnvelopeCipher(new RecordingKeyEncryptionKey("old-key")).SealAsync(_plaintext, ad);

        var ex = await Assert.ThrowsAsync<SealedBoxTamperedException>(() => Cipher.OpenAsync(box, ad));

        Assert.Contains("old-key", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_kek.KeyId, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_KeyIdRelabelled_ThrowsTampered()
    {
        var ad = EnvelopeCipher.EnvAssociatedData("hello", 1);
        var box = await Cipher.SealAsync(_plaintext, ad);

        await Assert.ThrowsAsync<SealedBoxTamperedException>(() => Cipher.OpenAsync(box with { KeyId = "other" }, ad));
    }

    [Fact]
    public async Task OpenAsync_WrappedKeyFromAnotherBox_ThrowsTampered()
    {
        var ad = EnvelopeCipher.EnvAssociatedData("hello", 1);
        var box = await Cipher.SealAsync(_plaintext, ad);
        var other = await Cipher.SealAsync(_plaintext, ad);

        await Assert.ThrowsAsync<SealedBoxTamperedException>(() => Cipher.OpenAsync(box with { WrappedKey = other.WrappedKey }, ad));
    }

    [Theory]
    [InlineData(11, 16)]
    [InlineData(12, 15)]
    [InlineData(0, 0)]
    public async Task OpenAsync_TruncatedNonceOrTag_ThrowsTampered(int nonceLength, int tagLength)
    {
        var ad = EnvelopeCipher.EnvAssociatedData("hello", 1);
        var box = await Cipher.SealAsync(_plaintext, ad);

        var truncated = box with { Nonce = box.Nonce[..nonceLength], Tag = box.Tag[..tagLength] };

        await Assert.ThrowsAsync<SealedBoxTamperedException>(() => Cipher.OpenAsync(truncated, ad));
    }

    [Fact]
    public void EnvAssociatedData_AppAndVersion_IsTheUtf8OfTheVersionedPath()
    {
        Assert.Equal(Encoding.UTF8.GetBytes("wharf/env/v1/hello/12"), EnvelopeCipher.EnvAssociatedData("hello", 12));
    }

    private static byte[] Flip(byte[] bytes, int bit)
    {
        var copy = bytes.ToArray();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }
}
