namespace Wharf.Router;

/// <summary>The router process: what `wharf router` runs (and `wharf server` starts in the background).</summary>
public static class RouterHost
{
    /// <summary>
    /// Serves apps on the options' listeners and the control API on its unix socket until <paramref name="ct"/> is
    /// cancelled or the process is told to stop. Loads the last table from disk first, so it serves at once.
    /// </summary>
    public static Task RunAsync(RouterOptions options, CancellationToken ct) =>
        throw new NotImplementedException("The router host lands with the forwarding work.");
}
