using System.Formats.Tar;
using System.Security.Cryptography;
using Wharf.Core.Runtime;

namespace Wharf.Server.Tests.Processes;

/// <summary>The repository's examples/worker, built once into a test image with the real image builder.</summary>
public static class WorkerImage
{
    public static string Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wharf.slnx")))
            {
                return Path.Combine(dir.FullName, "examples", "worker");
            }
        }

        throw new InvalidOperationException($"No Wharf.slnx above {AppContext.BaseDirectory}: run the tests from the repository.");
    }

    /// <summary>Builds examples/worker as a uniquely tagged image and returns the tag.</summary>
    public static async Task<string> BuildAsync(IImageBuilder builder, CancellationToken ct)
    {
        var tag = $"wharf-test/worker-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}:1";
        using var context = new MemoryStream();
        await TarFile.CreateFromDirectoryAsync(Directory(), context, includeBaseDirectory: false, ct);
        context.Position = 0;
        var output = new List<string>();
        try
        {
            await builder.BuildAsync(new ImageBuildRequest(context, "Dockerfile", new Dictionary<string, string>(), tag), (line, _) =>
            {
                output.Add(line);
                return Task.CompletedTask;
            }, ct);
        }
        catch (ImageBuildException e)
        {
            throw new InvalidOperationException($"Building examples/worker failed: {e.Message}\n{string.Join('\n', output)}", e);
        }

        return tag;
    }
}
