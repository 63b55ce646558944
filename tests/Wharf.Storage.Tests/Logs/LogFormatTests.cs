using System.Text;
using Wharf.Storage.Logs;

namespace Wharf.Storage.Tests.Logs;

public sealed class LogFormatTests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xC1D04330u)]
    [InlineData("123456789", 0xE3069283u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x22620404u)]
    public void Crc32C_KnownInputs_MatchTheCastagnoliChecksum(string input, uint expected)
    {
        Assert.Equal(expected, Crc32C.Compute(Encoding.ASCII.GetBytes(input)));
    }

    [Fact]
    public void TrigramBloom_TextAdded_MayContainItsSubstringsInAnyAsciiCase()
    {
        var bloom = new byte[TrigramBloom.Bytes];
        TrigramBloom.AddText(bloom, "GET /api/orders/4711 200 12ms"u8);

        Assert.True(TrigramBloom.MayContain(bloom, TrigramBloom.Trigrams("orders/4711"u8)));
        Assert.True(TrigramBloom.MayContain(bloom, TrigramBloom.Trigrams("ORDERS"u8)));
        Assert.False(TrigramBloom.MayContain(bloom, TrigramBloom.Trigrams("timeout"u8)));
        Assert.False(TrigramBloom.MayContain(bloom, TrigramBloom.Trigrams("orders/4712"u8)));
    }

    [Fact]
    public void TrigramBloom_FilterShorterThanThreeBytes_HasNoTrigramsSoNoBlockIsSkipped()
    {
        Assert.Empty(TrigramBloom.Trigrams("ab"u8));
    }

    [Fact]
    public void RecordBuffer_EntryWritten_ReadsBackWithAValidChecksum()
    {
        using var buffer = new RecordBuffer(1024);
        buffer.AppendEntry(LogTestStore.Line("hello", "text ✓", service: "web", process: "web-1", release: 3));

        Assert.True(LogRecord.TryRead(buffer.Written, out var record));
        Assert.Equal("web", Encoding.UTF8.GetString(record.Service));
        Assert.Equal("web-1", Encoding.UTF8.GetString(record.Process));
        Assert.Equal("text ✓", Encoding.UTF8.GetString(record.Text));
        Assert.Equal(3, record.Release);

        var damaged = buffer.Written.ToArray();
        damaged[^1] ^= 1;
        Assert.False(LogRecord.TryRead(damaged, out _));
    }
}
