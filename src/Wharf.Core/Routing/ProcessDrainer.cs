using System.Globalization;
using Wharf.Core.Runtime;

namespace Wharf.Core.Routing;

/// <summary>
/// Lets a process that is out of rotation finish the requests the router is forwarding to it, before it is stopped.
/// Never fails for the router's sake: one that cannot be reached has nothing in flight to wait for.
/// </summary>
public sealed class ProcessDrainer(IRouterControl router)
{
    /// <summary>Waits (at most <paramref name="grace"/>) until no request is in flight to the process.</summary>
    /// <returns>Null once drained (or when it takes no traffic); otherwise why it is stopped anyway, as a sentence fragment.</returns>
    public async Task<string?> DrainAsync(RuntimeProcess process, TimeSpan grace, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.Address is not { } address)
        {
            return null;
        }

        try
        {
            return await router.DrainAsync([address], grace, ct)
                ? null
                : $"it still had requests in flight after {grace.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return $"the router could not drain it ({e.Message.TrimEnd('.')})";
        }
    }
}
