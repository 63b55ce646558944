using System.Threading.Channels;
using Wharf.Runtime.Docker.Engine.Images;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>
/// Carries build output from the engine client's synchronous progress callback to Wharf's asynchronous line
/// callback, whole lines only: the classic builder sends a line's text and its newline as separate messages.
/// </summary>
internal sealed class BuildLines
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly BuildOutput _output = new();
    private readonly Lock _gate = new();
    private int _sent;

    public ChannelReader<string> Reader => _lines.Reader;

    public void Add(ImageProgressMessage message)
    {
        lock (_gate)
        {
            _output.Add(message);
            Send();
        }
    }

    /// <summary>Sends the last line even without its newline, and ends the reader.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _output.Complete();
            Send();
            _lines.Writer.TryComplete();
        }
    }

    private void Send()
    {
        var lines = _output.Lines;
        for (; _sent < lines.Count; _sent++)
        {
            if (!string.IsNullOrWhiteSpace(lines[_sent]))
            {
                _lines.Writer.TryWrite(lines[_sent]);
            }
        }
    }
}
