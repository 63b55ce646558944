using System.Diagnostics;

namespace Wharf.Router.Tests.Support;

/// <summary>
/// Samples the process's live managed memory (after a full collection) and working set while a transfer runs:
/// buffering a body would show up as growth of the size of the body.
/// </summary>
public sealed class MemoryWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly long _heapBefore;
    private readonly long _workingSetBefore;
    private readonly Task _sampling;
    private long _heapPeak;
    private long _workingSetPeak;

    private MemoryWatch()
    {
        _heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        _workingSetBefore = Environment.WorkingSet;
        _heapPeak = _heapBefore;
        _workingSetPeak = _workingSetBefore;
        _sampling = SampleAsync();
    }

    /// <summary>The most the live heap grew, in MB.</summary>
    public double HeapGrowthMb => (Interlocked.Read(ref _heapPeak) - _heapBefore) / 1048576.0;

    /// <summary>The most the working set grew, in MB.</summary>
    public double WorkingSetGrowthMb => (Interlocked.Read(ref _workingSetPeak) - _workingSetBefore) / 1048576.0;

    public static MemoryWatch Start() => new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Sample();
            try
            {
                await Task.Delay(25, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Sample();
    }

    private void Sample()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        var workingSet = process.WorkingSet64;
        if (heap > Interlocked.Read(ref _heapPeak))
        {
            Interlocked.Exchange(ref _heapPeak, heap);
        }

        if (workingSet > Interlocked.Read(ref _workingSetPeak))
        {
            Interlocked.Exchange(ref _workingSetPeak, workingSet);
        }
    }
}
