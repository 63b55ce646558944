using System.Runtime.InteropServices;
using ArmCrc = System.Runtime.Intrinsics.Arm.Crc32;
using X86Crc = System.Runtime.Intrinsics.X86.Sse42;

namespace Wharf.Storage.Logs;

/// <summary>
/// CRC-32C (Castagnoli), the checksum of every log record. System.IO.Hashing does not restore here, and the CPU's
/// own CRC32C instruction (SSE4.2, ARMv8) is the fastest way anyway; a table covers other CPUs. Words are read in
/// the machine's (little-endian, on both) byte order, which is what the instructions expect.
/// </summary>
internal static class Crc32C
{
    private const uint Polynomial = 0x82F63B78;
    private static readonly uint[] _table = CreateTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = ~0u;
        if (X86Crc.X64.IsSupported)
        {
            var words = MemoryMarshal.Cast<byte, ulong>(data);
            ulong wide = crc;
            foreach (var word in words)
            {
                wide = X86Crc.X64.Crc32(wide, word);
            }

            crc = (uint)wide;
            foreach (var b in data[(words.Length * 8)..])
            {
                crc = X86Crc.Crc32(crc, b);
            }
        }
        else if (ArmCrc.Arm64.IsSupported)
        {
            var words = MemoryMarshal.Cast<byte, ulong>(data);
            foreach (var word in words)
            {
                crc = ArmCrc.Arm64.ComputeCrc32C(crc, word);
            }

            foreach (var b in data[(words.Length * 8)..])
            {
                crc = ArmCrc.ComputeCrc32C(crc, b);
            }
        }
        else
        {
            foreach (var b in data)
            {
                crc = _table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }
        }

        return ~crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ Polynomial : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
