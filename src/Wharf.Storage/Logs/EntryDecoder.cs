using System.Text;
using Wharf.Core.Logs;

namespace Wharf.Storage.Logs;

/// <summary>Turns matching records into entries; service and process names, which repeat, are decoded once per query.</summary>
internal sealed class EntryDecoder(string? app)
{
    private const int MaxCachedNames = 64;
    private readonly List<(byte[] Bytes, string Value)> _names = [];

    public LogEntry Decode(LogRecord record) => new(
        new DateTimeOffset(record.Ticks, TimeSpan.Zero),
        app,
        record.Source,
        Name(record.Service),
        Name(record.Process),
        record.Release,
        Encoding.UTF8.GetString(record.Text));

    private string? Name(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return null;
        }

        foreach (var (cached, value) in _names)
        {
            if (bytes.SequenceEqual(cached))
            {
                return value;
            }
        }

        var name = Encoding.UTF8.GetString(bytes);
        if (_names.Count < MaxCachedNames)
        {
            _names.Add((bytes.ToArray(), name));
        }

        return name;
    }
}
