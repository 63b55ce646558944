using Wharf.Core.Routing;
using Wharf.Server.Logging;

namespace Wharf.Server.Certificates;

/// <summary>
/// Hands the router the whole list of imported certificates: after every change, when the server starts or
/// reuses the router, and again whenever a push failed (the router keeps certificates in memory only).
/// </summary>
public sealed class CertificatePublisher(CertificateStore store, IRouterControl router, ILogger<CertificatePublisher> logger) : IDisposable
{
    // One push at a time, each reading the list afresh: two changes racing can never leave the older list last.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _pending = true;

    /// <summary>True until a push has succeeded, and again after one failed.</summary>
    public bool Pending => _pending;

    /// <summary>Pushes the list; false (and a warning in the log) when the router could not take it.</summary>
    public async Task<bool> PublishAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            _pending = true;
            var certificates = await store.LoadAllAsync(ct);
            await router.SetCertificatesAsync(certificates, ct);
            _pending = false;
            RouterSupervisorLog.CertificatesPushed(logger, certificates.Count);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            RouterSupervisorLog.CertificatesNotPushed(logger, e.Message);
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
