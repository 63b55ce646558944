namespace Wharf.Core.Deployments;

/// <summary>Whether something accepts connections at a process's address: how a rollout knows a new process listens.</summary>
public interface IPortProbe
{
    /// <param name="address">"IP:PORT" (or "HOST:PORT") as the runtime reports it.</param>
    Task<bool> AcceptsAsync(string address, TimeSpan timeout, CancellationToken ct = default);
}
