using Wharf.Core.Errors;

namespace Wharf.Core.Apps;

public static class AppStoreExtensions
{
    /// <summary>The app, or a <see cref="NotFoundException"/> that says how to find the right name.</summary>
    public static async Task<App> RequireAsync(this IAppStore apps, string name, CancellationToken ct = default) =>
        await apps.GetAsync(name, ct) ?? throw NotFoundException.App(name);
}
