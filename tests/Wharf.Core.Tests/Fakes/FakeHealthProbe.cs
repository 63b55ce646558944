using System.Collections.Concurrent;
using Wharf.Core.Routing;

namespace Wharf.Core.Tests.Fakes;

/// <summary>A health check without HTTP: answers from <see cref="Answer"/> (default: 200 OK) and records every check.</summary>
public sealed class FakeHealthProbe : IHealthProbe
{
    private readonly ConcurrentQueue<(string Address, string Host, string Path)> _checks = new();

    /// <summary>(address, path) → the result; replace it to script failing checks.</summary>
    public Func<string, string, HealthCheckResult> Answer { get; set; } = (_, path) => new(true, $"GET {path} answered 200 OK");

    public IReadOnlyList<(string Address, string Host, string Path)> Checks => [.. _checks];

    public Task<HealthCheckResult> CheckAsync(string address, string host, string path, TimeSpan timeout, CancellationToken ct = default)
    {
        _checks.Enqueue((address, host, path));
        return Task.FromResult(Answer(address, path));
    }
}
