using Wharf.Core.Apps;

namespace Wharf.Core.Tests.Fakes;

public sealed class InMemoryAppStore(InMemoryStateStore owner) : IAppStore
{
    private readonly Dictionary<string, App> _apps = new(StringComparer.Ordinal);

    public Task<App?> GetAsync(string name, CancellationToken ct = default) =>
        Task.FromResult(_apps.GetValueOrDefault(name));

    public Task<IReadOnlyList<App>> ListAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<App>>([.. _apps.Values.OrderBy(a => a.Name, StringComparer.Ordinal)]);

    public Task<bool> TryCreateAsync(App app, CancellationToken ct = default) =>
        Task.FromResult(_apps.TryAdd(app.Name, app));

    public Task<bool> DeleteAsync(string name, CancellationToken ct = default)
    {
        if (!_apps.Remove(name))
        {
            return Task.FromResult(false);
        }

        owner.ForgetApp(name);
        return Task.FromResult(true);
    }

    public Task SetCurrentReleaseAsync(string name, int version, CancellationToken ct = default)
    {
        _apps[name] = _apps[name] with { CurrentRelease = version };
        return Task.CompletedTask;
    }
}
