namespace Wharf.Core.Routing;

/// <summary>A service's HTTP health check, made by the API itself: how a rollout or restart knows a new process serves.</summary>
public interface IHealthProbe
{
    /// <summary>GET <paramref name="path"/> at <paramref name="address"/> with the Host header <paramref name="host"/>; 2xx and 3xx pass.</summary>
    /// <param name="address">"IP:PORT" as the runtime reports it.</param>
    /// <param name="timeout">How long the answer (its status line and headers) may take.</param>
    Task<HealthCheckResult> CheckAsync(string address, string host, string path, TimeSpan timeout, CancellationToken ct = default);
}
