using System.Collections.Concurrent;

namespace Wharf.Server.Tests.Infrastructure;

/// <summary>Every log line the server wrote, with its exception, as text.</summary>
public sealed class CapturedLogs
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public string All => string.Join('\n', _lines);

    public void Add(string line) => _lines.Enqueue(line);
}
