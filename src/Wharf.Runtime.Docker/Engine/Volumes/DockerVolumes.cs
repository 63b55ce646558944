using Wharf.Runtime.Docker.Engine.Http;

namespace Wharf.Runtime.Docker.Engine.Volumes;

internal sealed class DockerVolumes(DockerHttp http) : IDockerVolumes
{
    public Task<VolumeInfo> CreateAsync(VolumeSpec spec, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var content = DockerJson.Content(spec, DockerJsonContext.Default.VolumeSpec);
        return http.ReadJsonAsync(DockerRequest.Post("volumes/create", content: content), DockerJsonContext.Default.VolumeInfo, ct);
    }

    public Task<VolumeInfo?> InspectAsync(string name, CancellationToken ct = default) =>
        http.ReadJsonOrNullAsync(DockerRequest.Get($"volumes/{name}"), DockerJsonContext.Default.VolumeInfo, ct);

    public async Task<IReadOnlyList<VolumeInfo>> ListAsync(DockerFilters? filters = null, CancellationToken ct = default)
    {
        var answer = await http.ReadJsonAsync(
            DockerRequest.Get("volumes", new DockerQuery().AddFilters(filters)), DockerJsonContext.Default.VolumeListBody, ct);
        return answer.Volumes ?? [];
    }

    public Task RemoveAsync(string name, bool force = false, CancellationToken ct = default) =>
        http.SendAsync(DockerRequest.Delete($"volumes/{name}", new DockerQuery().Add("force", force)), ct);
}
