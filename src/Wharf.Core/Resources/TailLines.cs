namespace Wharf.Core.Resources;

/// <summary>Keeps the last few lines of a command's output, for quoting in its error.</summary>
public sealed class TailLines
{
    private readonly Queue<string> _lines = new();
    private readonly int _keep;
    private readonly OutputLines _splitter;

    public TailLines(int keep)
    {
        _keep = keep;
        _splitter = new OutputLines((line, _) =>
        {
            if (line.Length > 0)
            {
                _lines.Enqueue(line);
                while (_lines.Count > _keep)
                {
                    _lines.Dequeue();
                }
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>The kept lines, including a last one without a line break.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            _splitter.FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
            return [.. _lines];
        }
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct) => _splitter.WriteAsync(bytes, ct);

    /// <summary>": LINE\nLINE" for an error sentence, or "" when nothing was printed.</summary>
    public string AsSuffix() => Lines.Count == 0 ? "." : ":\n" + string.Join('\n', Lines);
}
