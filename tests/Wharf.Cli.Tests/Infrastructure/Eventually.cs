namespace Wharf.Cli.Tests.Infrastructure;

/// <summary>Waits for something the server does in the background (the reconciler) to become true.</summary>
public static class Eventually
{
    /// <summary>Runs <paramref name="probe"/> until it returns true or <paramref name="timeout"/> passes; the last value counts.</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> probe, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await probe())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(500);
        }

        return true;
    }
}
