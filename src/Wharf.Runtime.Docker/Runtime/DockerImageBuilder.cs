using Microsoft.Extensions.Logging;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine;
using EngineBuildRequest = Wharf.Runtime.Docker.Engine.Images.ImageBuildRequest;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>Builds images with the engine's own builder from the tar context the CLI uploaded.</summary>
public sealed class DockerImageBuilder(IDockerClient docker, ILogger<DockerImageBuilder> logger) : IImageBuilder
{
    /// <summary>How much of the output before a failure its message carries: enough to see why, short enough to read.</summary>
    public const int FailureLines = 20;

    public async Task<string> BuildAsync(ImageBuildRequest request, Func<string, CancellationToken, Task> output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        var engineRequest = new EngineBuildRequest
        {
            Tags = [request.Tag],
            Dockerfile = request.Dockerfile,
            BuildArgs = request.Arguments,
        };
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var lines = new BuildLines();
        var build = BuildAsync(engineRequest, request.Context, lines, cts.Token);
        try
        {
            await foreach (var line in lines.Reader.ReadAllAsync(ct))
            {
                await output(line, ct);
            }
        }
        catch
        {
            // The caller stopped listening (or its callback failed): the build must not go on unobserved.
            await cts.CancelAsync();
            await Task.WhenAny(build);
            throw;
        }

        var imageId = await build;
        RuntimeLog.ImageBuilt(logger, request.Tag, imageId);
        return imageId;
    }

    public async Task<bool> ExistsAsync(string image, CancellationToken ct = default) =>
        await docker.Images.InspectAsync(image, ct) is not null;

    public Task TagAsync(string image, string tag, CancellationToken ct = default)
    {
        var reference = ImageReference.Parse(tag);
        return docker.Images.TagAsync(image, reference.Repository, reference.Tag, ct);
    }

    private async Task<string> BuildAsync(EngineBuildRequest request, Stream context, BuildLines lines, CancellationToken ct)
    {
        var tag = request.Tags[0];
        try
        {
            var result = await docker.Images.BuildAsync(request, context, lines.Add, ct);
            return result.ImageId;
        }
        catch (DockerBuildException e)
        {
            RuntimeLog.ImageBuildFailed(logger, tag, e.Message);
            throw new ImageBuildException(WithLastLines(e.Message, e.LastLines), e);
        }
        catch (DockerEngineException e) when (e.StatusCode is >= 400 and < 600)
        {
            // The engine refused the build request itself; for a build that is the input's fault (no Dockerfile
            // at that path, a context that is not a tar), not an engine failure. StatusCode 0 (unreachable) passes.
            RuntimeLog.ImageBuildFailed(logger, tag, e.Message);
            throw new ImageBuildException($"building {tag} failed: {e.Message}", e);
        }
        finally
        {
            lines.Complete();
        }
    }

    private static string WithLastLines(string sentence, IReadOnlyList<string> lastLines) =>
        lastLines.Count == 0
            ? sentence
            : $"{sentence}\n{string.Join('\n', lastLines.Skip(Math.Max(0, lastLines.Count - FailureLines)))}";
}
