using Wharf.Cli.Context;
using Wharf.Manifest;

namespace Wharf.Cli.Deploy;

/// <summary>
/// The files a deploy sends whatever .dockerignore says, as `docker build` always sends the Dockerfile and
/// .dockerignore: the server reads wharf.yml from the upload, and builds with each service's Dockerfile.
/// </summary>
internal static class AlwaysSent
{
    public static IReadOnlyList<string> For(string manifestFileName, AppManifest? manifest)
    {
        var paths = new List<string> { DockerIgnore.FileName, manifestFileName, "Dockerfile" };
        foreach (var build in manifest?.Services.Values.Select(s => s.Build).OfType<ServiceBuild>() ?? [])
        {
            var dockerfile = DockerIgnorePattern.Clean($"{build.Path}/{build.Dockerfile}");
            if (!dockerfile.StartsWith("..", StringComparison.Ordinal) && !dockerfile.StartsWith('/'))
            {
                paths.Add(dockerfile);
                paths.Add(DockerIgnorePattern.Clean($"{build.Path}/{DockerIgnore.FileName}"));
            }
        }

        return [.. paths.Distinct(StringComparer.Ordinal)];
    }
}
