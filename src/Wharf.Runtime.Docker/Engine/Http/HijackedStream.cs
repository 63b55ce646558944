using System.Net.Sockets;

namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>
/// The raw, two-way connection the engine hands over after answering an attach with "101 UPGRADED": the
/// process's stdin is written to it, its multiplexed output read from it. Bytes that arrived with the response
/// head are read first. <see cref="CloseWrite"/> half-closes the socket, which the engine passes on as EOF on stdin.
/// </summary>
internal sealed class HijackedStream(Socket socket, ReadOnlyMemory<byte> alreadyRead) : Stream
{
    private readonly NetworkStream _stream = new(socket, ownsSocket: true);
    private ReadOnlyMemory<byte> _pending = alreadyRead;
    private int _writeClosed;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Ends the input: the engine closes the process's stdin. Safe to call more than once.</summary>
    public void CloseWrite()
    {
        if (Interlocked.Exchange(ref _writeClosed, 1) == 0)
        {
            try
            {
                socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The engine already closed the connection: there is no input left to end.
            }
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_pending.Length > 0)
        {
            var count = Math.Min(buffer.Length, _pending.Length);
            _pending[..count].CopyTo(buffer);
            _pending = _pending[count..];
            return count;
        }

        return await _stream.ReadAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _stream.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _stream.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => _stream.Write(buffer, offset, count);

    public override void Flush() => _stream.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _stream.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }
}
