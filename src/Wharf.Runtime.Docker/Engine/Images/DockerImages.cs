using System.Text.Json;
using Microsoft.Extensions.Logging;
using Wharf.Runtime.Docker.Engine.Http;

namespace Wharf.Runtime.Docker.Engine.Images;

internal sealed class DockerImages(DockerHttp http, ILogger logger) : IDockerImages
{
    public async Task<ImageBuildResult> BuildAsync(
        ImageBuildRequest request, Stream tarContext, Action<ImageProgressMessage>? onProgress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tarContext);
        var query = new DockerQuery()
            .Add("dockerfile", request.Dockerfile)
            // forcerm: a failed step must not leave its intermediate container behind.
            .Add("rm", true)
            .Add("forcerm", true)
            .Add("target", request.Target);
        foreach (var tag in request.Tags)
        {
            query.Add("t", tag);
        }

        if (request.NoCache)
        {
            query.Add("nocache", true);
        }

        if (request.BuildArgs.Count > 0)
        {
            query.Add("buildargs", DockerJson.Serialize(request.BuildArgs));
        }

        if (request.Labels.Count > 0)
        {
            query.Add("labels", DockerJson.Serialize(request.Labels));
        }

        using var content = new NonDisposingStreamContent(tarContext, "application/x-tar");
        // Uploading a large context can take a while before the engine answers at all.
        var post = DockerRequest.Post("build", query, content) with { Timeout = Timeout.InfiniteTimeSpan };
        using var response = await http.OpenStreamAsync(post, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var output = new BuildOutput();
        await foreach (var message in JsonLines.ReadAsync(stream, DockerJsonContext.Default.ImageProgressMessage, ct))
        {
            output.Add(message);
            onProgress?.Invoke(message);
            if ((message.ErrorDetail?.Message ?? message.Error) is { } error)
            {
                throw BuildFailed(request, output, error);
            }
        }

        var tags = string.Join(", ", request.Tags);
        var imageId = output.ImageId
            ?? (request.Tags.Count > 0 ? (await InspectAsync(request.Tags[0], ct))?.Id : null)
            ?? throw new DockerEngineException($"The Docker engine finished building {tags} without saying which image it made.");
        DockerLog.ImageBuilt(logger, imageId, tags);
        return new ImageBuildResult(imageId, request.Tags, output.Complete());
    }

    public Task<ImageInspect?> InspectAsync(string nameOrId, CancellationToken ct = default) =>
        http.ReadJsonOrNullAsync(DockerRequest.Get($"images/{nameOrId}/json"), DockerJsonContext.Default.ImageInspect, ct);

    public async Task<IReadOnlyList<ImageSummary>> ListAsync(DockerFilters? filters = null, CancellationToken ct = default) =>
        await http.ReadJsonAsync(
            DockerRequest.Get("images/json", new DockerQuery().AddFilters(filters)), DockerJsonContext.Default.IReadOnlyListImageSummary, ct);

    public Task TagAsync(string nameOrId, string repository, string tag, CancellationToken ct = default) =>
        http.SendAsync(DockerRequest.Post($"images/{nameOrId}/tag", new DockerQuery().Add("repo", repository).Add("tag", tag)), ct);

    public async Task<IReadOnlyList<ImageDeleteItem>> RemoveAsync(string nameOrId, bool force = false, CancellationToken ct = default) =>
        await http.ReadJsonAsync(
            DockerRequest.Delete($"images/{nameOrId}", new DockerQuery().Add("force", force)), DockerJsonContext.Default.IReadOnlyListImageDeleteItem, ct);

    public async Task<ImagePushResult> PushAsync(
        string repository, string tag, Action<ImageProgressMessage>? onProgress = null, RegistryCredentials? credentials = null, CancellationToken ct = default)
    {
        var reference = $"{repository}:{tag}";
        var auth = JsonSerializer.SerializeToUtf8Bytes(credentials ?? RegistryCredentials.Anonymous, DockerJsonContext.Default.RegistryCredentials);
        var request = DockerRequest.Post($"images/{repository}/push", new DockerQuery().Add("tag", tag)) with
        {
            Headers = new Dictionary<string, string> { ["X-Registry-Auth"] = EncodeAuth(auth) },
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var response = await http.OpenStreamAsync(request, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        string? digest = null;
        await foreach (var message in JsonLines.ReadAsync(stream, DockerJsonContext.Default.ImageProgressMessage, ct))
        {
            onProgress?.Invoke(message);
            digest = message.Aux?.Digest ?? digest;
            if ((message.ErrorDetail?.Message ?? message.Error) is { } error)
            {
                var sentence = EngineErrors.Translate(error) ?? $"pushing {reference} failed: {error}";
                throw new DockerEngineException(sentence, 0, error);
            }
        }

        return new ImagePushResult(reference, digest);
    }

    public async Task PullAsync(string repository, string tag, Action<ImageProgressMessage>? onProgress = null, CancellationToken ct = default)
    {
        var reference = $"{repository}:{tag}";
        var request = DockerRequest.Post("images/create", new DockerQuery().Add("fromImage", repository).Add("tag", tag)) with
        {
            Headers = new Dictionary<string, string>
            {
                ["X-Registry-Auth"] = EncodeAuth(JsonSerializer.SerializeToUtf8Bytes(RegistryCredentials.Anonymous, DockerJsonContext.Default.RegistryCredentials)),
            },
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var response = await http.OpenStreamAsync(request, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var message in JsonLines.ReadAsync(stream, DockerJsonContext.Default.ImageProgressMessage, ct))
        {
            onProgress?.Invoke(message);
            if ((message.ErrorDetail?.Message ?? message.Error) is { } error)
            {
                throw new DockerEngineException($"pulling {reference} failed: {error}", 0, error);
            }
        }
    }

    // Go's base64.URLEncoding: the URL-safe alphabet *with* padding, which .NET's Base64Url leaves out.
    private static string EncodeAuth(byte[] json) =>
        Convert.ToBase64String(json).Replace('+', '-').Replace('/', '_');

    private DockerBuildException BuildFailed(ImageBuildRequest request, BuildOutput output, string error)
    {
        var name = request.Tags.Count > 0 ? request.Tags[0] : "the image";
        var where = BuildStep.Describe(output.CurrentStep);
        DockerLog.ImageBuildFailed(logger, string.Join(", ", request.Tags), output.CurrentStep, error);
        var sentence = where is null ? $"building {name} failed: {error}" : $"building {name} failed at {where}: {error}";
        return new DockerBuildException(sentence, error, output.CurrentStep, output.Tail());
    }
}
