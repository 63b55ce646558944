using System.Security.Cryptography;

namespace Wharf.Runtime.Docker.Resources;

/// <summary>Names for people reading `docker ps` and `docker volume ls`; the runtime checks labels, not names.</summary>
internal static class ResourceNames
{
    /// <summary>"wharf-APP-RESOURCE".</summary>
    public static string Container(string app, string resource) => $"wharf-{app}-{resource}";

    /// <summary>"wharf-APP-RESOURCE-previous-HEX": a container set aside while its replacement starts.</summary>
    public static string SetAside(string app, string resource) =>
        $"{Container(app, resource)}-previous-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    /// <summary>"wharf-APP-RESOURCE-data".</summary>
    public static string Volume(string app, string resource) => $"wharf-{app}-{resource}-data";
}
