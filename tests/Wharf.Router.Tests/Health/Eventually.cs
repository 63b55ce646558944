namespace Wharf.Router.Tests.Health;

/// <summary>Waits for a condition with a generous deadline (the machine is shared and loaded): fails with what was awaited.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? deadline = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, deadline);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? Deadline);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"Still waiting, after {(deadline ?? Deadline).TotalSeconds} s, for {what}.");
            }

            await Task.Delay(20);
        }
    }
}
