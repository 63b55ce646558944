using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Engine.Http;

namespace Wharf.Runtime.Docker.Engine.Networks;

internal sealed class DockerNetworks(DockerHttp http) : IDockerNetworks
{
    public async Task<string> CreateAsync(NetworkSpec spec, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var body = DockerJson.Content(NetworkCreateBody.From(spec), DockerJsonContext.Default.NetworkCreateBody);
        var created = await http.ReadJsonAsync(
            DockerRequest.Post("networks/create", content: body), DockerJsonContext.Default.NetworkCreated, ct);
        return created.Id;
    }

    public Task<NetworkInspect?> InspectAsync(string nameOrId, CancellationToken ct = default) =>
        http.ReadJsonOrNullAsync(DockerRequest.Get($"networks/{nameOrId}"), DockerJsonContext.Default.NetworkInspect, ct);

    public async Task<IReadOnlyList<NetworkInspect>> ListAsync(DockerFilters? filters = null, CancellationToken ct = default) =>
        await http.ReadJsonAsync(
            DockerRequest.Get("networks", new DockerQuery().AddFilters(filters)), DockerJsonContext.Default.IReadOnlyListNetworkInspect, ct);

    public Task RemoveAsync(string nameOrId, CancellationToken ct = default) =>
        http.SendAsync(DockerRequest.Delete($"networks/{nameOrId}"), ct);

    public Task ConnectAsync(string network, string container, IReadOnlyList<string>? aliases = null, CancellationToken ct = default)
    {
        var body = new NetworkConnectBody
        {
            Container = container,
            EndpointConfig = aliases is { Count: > 0 } ? new EndpointConfigBody { Aliases = aliases } : null,
        };
        var content = DockerJson.Content(body, DockerJsonContext.Default.NetworkConnectBody);
        return http.SendAsync(DockerRequest.Post($"networks/{network}/connect", content: content), ct);
    }

    public Task DisconnectAsync(string network, string container, bool force = false, CancellationToken ct = default)
    {
        var body = new NetworkDisconnectBody { Container = container, Force = force };
        var content = DockerJson.Content(body, DockerJsonContext.Default.NetworkDisconnectBody);
        return http.SendAsync(DockerRequest.Post($"networks/{network}/disconnect", content: content), ct);
    }
}
