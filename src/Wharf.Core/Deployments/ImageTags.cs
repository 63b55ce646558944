using System.Globalization;

namespace Wharf.Core.Deployments;

/// <summary>How Wharf names the images it builds.</summary>
public static class ImageTags
{
    /// <summary>"wharf/APP-SERVICE:BUILD", e.g. "wharf/hello-web:3".</summary>
    public static string For(string app, string service, int build) =>
        $"wharf/{app}-{service}:{build.ToString(CultureInfo.InvariantCulture)}";
}
