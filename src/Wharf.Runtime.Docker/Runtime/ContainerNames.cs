using System.Globalization;
using System.Security.Cryptography;
using Wharf.Core.Runtime;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>
/// Names a person reading `docker ps` can make sense of. The names are for people only: the runtime finds
/// processes by label and id, so the random suffix just keeps two processes of one release apart.
/// </summary>
internal static class ContainerNames
{
    private const int SuffixBytes = 3;

    /// <summary>The app's private network: "wharf-APP".</summary>
    public static string Network(string app) => $"wharf-{app}";

    /// <summary>"wharf-APP-SERVICE-rRELEASE-HEX", with "run-" or "timer-NAME-" before HEX for one-offs and timers.</summary>
    public static string Container(ProcessSpec spec) => Container(spec, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SuffixBytes)));

    public static string Container(ProcessSpec spec, string suffix)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var release = spec.Release.ToString(CultureInfo.InvariantCulture);
        var kind = spec.Kind switch
        {
            ProcessKind.OneOff => "run-",
            ProcessKind.Timer => $"timer-{spec.Timer}-",
            _ => "",
        };
        return $"wharf-{spec.App}-{spec.Service}-r{release}-{kind}{suffix}";
    }
}
