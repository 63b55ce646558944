using System.Threading.Channels;

namespace Wharf.Core.Processes;

/// <summary>Wakes the reconciler before its next round: a scale, a stop, a finished rollout.</summary>
public sealed class ReconcilerSignal
{
    // One pending poke is enough: the next round sees every change made before it starts.
    private readonly Channel<bool> _pokes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Poke() => _pokes.Writer.TryWrite(true);

    /// <summary>Returns when poked or after <paramref name="interval"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider clock, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(interval, clock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await _pokes.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The interval passed without a poke: time for a regular round.
        }
    }
}
