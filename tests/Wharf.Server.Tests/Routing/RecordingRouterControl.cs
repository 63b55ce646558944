using System.Collections.Concurrent;
using Wharf.Core.Routing;

namespace Wharf.Server.Tests.Routing;

/// <summary>
/// A router control that records what the server hands it. It answers as a running router (pid 4242) unless
/// <see cref="Answers"/> is false, or <see cref="Status"/> says otherwise (null: no router answers).
/// </summary>
public sealed class RecordingRouterControl : IRouterControl
{
    public const int DefaultProcessId = 4242;

    private int _statusCalls;

    public bool Answers { get; set; } = true;

    public IReadOnlyList<string> Listening { get; set; } = ["http://127.0.0.1:8080"];

    /// <summary>When set, decides what a status request sees: a status, or null for "not running".</summary>
    public Func<RouterStatus?>? Status { get; set; }

    public ConcurrentQueue<IReadOnlyList<RouterCertificate>> CertificatePushes { get; } = new();

    public int StatusCalls => Volatile.Read(ref _statusCalls);

    public Task ApplyAsync(RouteTable table, CancellationToken ct = default) => Answered() ? Task.CompletedTask : Away();

    public Task<bool> DrainAsync(IReadOnlyList<string> addresses, TimeSpan timeout, CancellationToken ct = default) =>
        Answered() ? Task.FromResult(true) : Away<bool>();

    public Task<RouterStatus> StatusAsync(CancellationToken ct = default)
    {
        Interlocked.Increment(ref _statusCalls);
        var status = Status is { } source ? source() : Answers ? new RouterStatus(DefaultProcessId, Listening, 0, []) : null;
        return status is null ? Away<RouterStatus>() : Task.FromResult(status);
    }

    public Task SetCertificatesAsync(IReadOnlyList<RouterCertificate> certificates, CancellationToken ct = default)
    {
        if (!Answered())
        {
            return Away();
        }

        CertificatePushes.Enqueue(certificates);
        return Task.CompletedTask;
    }

    private bool Answered() => Status is { } source ? source() is not null : Answers;

    private static Task Away() => Task.FromException(new InvalidOperationException("The router is not running (no control socket)."));

    private static Task<T> Away<T>() => Task.FromException<T>(new InvalidOperationException("The router is not running (no control socket)."));
}
