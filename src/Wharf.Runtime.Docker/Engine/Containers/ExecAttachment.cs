using System.Runtime.CompilerServices;
using Wharf.Runtime.Docker.Engine.Http;
using Wharf.Runtime.Docker.Engine.Streams;

namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>
/// A running exec with its stdin connected: write the input, end it with <see cref="CloseInput"/>, and read the
/// output as it comes. Bytes pass through untouched (dumps are binary); nothing is buffered beyond one frame.
/// </summary>
public sealed class ExecAttachment : IAsyncDisposable
{
    private readonly HijackedStream _stream;

    internal ExecAttachment(string execId, HijackedStream stream)
    {
        ExecId = execId;
        _stream = stream;
    }

    public string ExecId { get; }

    /// <summary>Sends bytes to the command's stdin. Throws an <see cref="IOException"/> once the command stopped reading.</summary>
    public ValueTask WriteInputAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct = default) => _stream.WriteAsync(bytes, ct);

    /// <summary>Ends the command's stdin (it reads EOF). Safe to call more than once.</summary>
    public void CloseInput() => _stream.CloseWrite();

    /// <summary>The command's output, chunk by chunk as the engine frames it, until the command exits.</summary>
    public async IAsyncEnumerable<ExecOutputChunk> ReadOutputAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var reader = new MultiplexedStreamReader(_stream);
        while (await reader.ReadFrameAsync(ct) is { } frame)
        {
            yield return new ExecOutputChunk(frame.Source, frame.Payload);
        }
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
