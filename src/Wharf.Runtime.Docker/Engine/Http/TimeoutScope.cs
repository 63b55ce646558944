namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>
/// A caller's token plus a deadline, able to tell afterwards which of the two fired: a timeout
/// becomes a clear engine error, a caller's cancellation stays an OperationCanceledException.
/// </summary>
internal sealed class TimeoutScope : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _caller;

    private TimeoutScope(TimeSpan limit, CancellationToken caller)
    {
        Limit = limit;
        _caller = caller;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        if (limit != Timeout.InfiniteTimeSpan)
        {
            _source.CancelAfter(limit);
        }
    }

    public TimeSpan Limit { get; }

    public CancellationToken Token => _source.Token;

    public bool TimedOut => _source.IsCancellationRequested && !_caller.IsCancellationRequested;

    public static TimeoutScope Start(TimeSpan limit, CancellationToken caller) => new(limit, caller);

    public void Dispose() => _source.Dispose();
}
