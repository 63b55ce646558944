using Wharf.Core.Runtime;

namespace Wharf.Core.Tests.Deployments;

/// <summary>
/// Builds nothing: records each request (with its context's entries), writes a few output lines, and "has" the
/// images it built or was told about. Fails or blocks builds when the test says so.
/// </summary>
public sealed class FakeImageBuilder : IImageBuilder
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _images = new(StringComparer.Ordinal);
    private readonly List<(ImageBuildRequest Request, List<(string Name, string? Text)> Context)> _builds = [];
    private readonly List<(string Image, string Tag)> _tags = [];

    /// <summary>When set, a build of this tag's service fails with the message after writing its lines.</summary>
    public Func<ImageBuildRequest, string?> FailWith { get; set; } = _ => null;

    /// <summary>When set, builds wait for it (or for cancellation) before finishing.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Completed when a build has started (and written its first line).</summary>
    public TaskCompletionSource BuildStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<(ImageBuildRequest Request, List<(string Name, string? Text)> Context)> Builds
    {
        get
        {
            lock (_lock)
            {
                return [.. _builds];
            }
        }
    }

    public IReadOnlyList<(string Image, string Tag)> Tags
    {
        get
        {
            lock (_lock)
            {
                return [.. _tags];
            }
        }
    }

    public void Forget(string image)
    {
        lock (_lock)
        {
            _images.Remove(image);
        }
    }

    public async Task<string> BuildAsync(ImageBuildRequest request, Func<string, CancellationToken, Task> output, CancellationToken ct = default)
    {
        var context = TestTar.Read(request.Context);
        lock (_lock)
        {
            _builds.Add((request, context));
        }

        await output($"Step 1/2 : FROM debian:bookworm-slim ({request.Tag})", ct);
        BuildStarted.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(ct);
        }

        await output("Step 2/2 : RUN make", ct);
        if (FailWith(request) is { } failure)
        {
            await output("make: *** [all] Error 2", ct);
            throw new ImageBuildException(failure);
        }

        lock (_lock)
        {
            _images.Add(request.Tag);
        }

        return "sha256:" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
    }

    public Task<bool> ExistsAsync(string image, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_images.Contains(image));
        }
    }

    public Task TagAsync(string image, string tag, CancellationToken ct = default)
    {
        lock (_lock)
        {
            if (!_images.Contains(image))
            {
                // As the engine does: a tag needs its image.
                throw new InvalidOperationException($"No such image: {image}");
            }

            _tags.Add((image, tag));
            _images.Add(tag);
        }

        return Task.CompletedTask;
    }
}
