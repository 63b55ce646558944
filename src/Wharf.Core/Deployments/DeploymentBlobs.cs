using System.Globalization;

namespace Wharf.Core.Deployments;

/// <summary>Where a deploy's source, digests and logs are kept in the blob store (all under "apps/APP/", deleted with the app).</summary>
public static class DeploymentBlobs
{
    /// <summary>The uploaded tar of the app directory.</summary>
    public static string Context(string app, int build) => $"{BuildPrefix(app, build)}context.tar";

    /// <summary>"sha256:HEX" of <see cref="Context"/>, computed while it was uploaded.</summary>
    public static string ContextDigest(string app, int build) => $"{BuildPrefix(app, build)}context.sha256";

    /// <summary>What a later deploy compares to reuse this build's images: the source digest plus the build settings.</summary>
    public static string CacheKey(string app, int build) => $"{BuildPrefix(app, build)}cache-key";

    public static string BuildLog(string app, int build) => $"{BuildPrefix(app, build)}log.txt";

    public static string DeploymentLog(string app, int id) =>
        $"apps/{app}/deployments/{id.ToString(CultureInfo.InvariantCulture)}/log.txt";

    private static string BuildPrefix(string app, int build) => $"apps/{app}/builds/{build.ToString(CultureInfo.InvariantCulture)}/";
}
