using System.Text;

namespace Wharf.Runtime.Docker.Engine.Images;

/// <summary>
/// Collects a build's output into lines: the classic builder sends "Step 2/5 : RUN x" and its "\n"
/// as separate messages, so text is joined until a newline. Remembers the current step for errors.
/// </summary>
internal sealed class BuildOutput
{
    private const int TailLength = 30;
    private const string StepPrefix = "Step ";

    private readonly List<string> _lines = [];
    private readonly StringBuilder _partial = new();

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>The last "Step N/M : INSTRUCTION" line seen: where a failure happened.</summary>
    public string? CurrentStep { get; private set; }

    public string? ImageId { get; private set; }

    public void Add(ImageProgressMessage message)
    {
        if (message.Aux?.Id is { Length: > 0 } id)
        {
            ImageId = id;
        }

        var text = message.Stream ?? message.Status;
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var ch in text)
        {
            if (ch == '\n')
            {
                CompleteLine();
            }
            else if (ch != '\r')
            {
                _partial.Append(ch);
            }
        }
    }

    public IReadOnlyList<string> Tail()
    {
        CompleteLine();
        return _lines.Count <= TailLength ? [.. _lines] : [.. _lines.Skip(_lines.Count - TailLength)];
    }

    public IReadOnlyList<string> Complete()
    {
        CompleteLine();
        return [.. _lines];
    }

    private void CompleteLine()
    {
        if (_partial.Length == 0)
        {
            return;
        }

        var line = _partial.ToString();
        _partial.Clear();
        _lines.Add(line);
        if (line.StartsWith(StepPrefix, StringComparison.Ordinal))
        {
            CurrentStep = line;
        }
    }
}
