using Wharf.Core.Routing;
using Wharf.Core.Tests.Processes;

namespace Wharf.Core.Tests.Routing;

/// <summary>Processes of a release that is not current yet, put in rotation by a rolling rollout.</summary>
public sealed class RouteTableBuilderJoiningTests : IDisposable
{
    private const string Manifest = """
        services:
          web:
            image: example/web:1
            port: 5000
            scale: 2
          worker:
            image: example/worker:1
        """;

    private readonly ProcessHarness _h = new();

    [Fact]
    public async Task BuildAsync_JoiningProcessOfTheNextRelease_IsABackendOfTheCurrentRouteWithItsOwnRelease()
    {
        await _h.DeployAsync(Manifest);
        await _h.ReconcileAsync();
        var old = _h.Runtime.Running("web");
        var joining = _h.Runtime.Add(old[0] with { Id = "00000000000f", Release = 2, Address = "10.0.0.99:5000" });
        var waiting = _h.Runtime.Add(old[0] with { Id = "00000000001f", Release = 2, Address = "10.0.0.98:5000" });
        _h.Routing.Joining.Add(joining.Id);
        _h.Routing.Ready.Add(joining.Id);

        var route = Assert.Single((await _h.Routing.Builder.BuildAsync()).Routes);

        Assert.Equal(1, route.Release);
        Assert.Equal(
            [.. old.Select(p => new RouteBackend(p.Id, p.Address!, 1, Ready: false)), new RouteBackend(joining.Id, joining.Address!, 2, Ready: true)],
            route.Backends.OrderBy(b => b.Release).ThenBy(b => b.ProcessId, StringComparer.Ordinal));
        Assert.DoesNotContain(route.Backends, b => b.ProcessId == waiting.Id);
    }

    [Fact]
    public async Task BuildAsync_JoiningProcessAlsoDraining_IsLeftOut()
    {
        await _h.DeployAsync(Manifest);
        await _h.ReconcileAsync();
        var joining = _h.Runtime.Add(_h.Runtime.Running("web")[0] with { Id = "00000000000f", Release = 2, Address = "10.0.0.99:5000" });
        _h.Routing.Joining.Add(joining.Id);
        _h.Routing.Draining.Add(joining.Id);

        var route = Assert.Single((await _h.Routing.Builder.BuildAsync()).Routes);

        Assert.DoesNotContain(route.Backends, b => b.ProcessId == joining.Id);
        Assert.Equal(2, route.Backends.Count);
    }

    [Fact]
    public async Task BuildAsync_JoiningProcessGone_IsPrunedFromTheRegistry()
    {
        await _h.DeployAsync(Manifest);
        await _h.ReconcileAsync();
        _h.Routing.Joining.Add("0000000000ff");

        await _h.Routing.Builder.BuildAsync();

        Assert.False(_h.Routing.Joining.Contains("0000000000ff"));
    }

    public void Dispose() => _h.Dispose();
}
