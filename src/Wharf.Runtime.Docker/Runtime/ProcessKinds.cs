using Wharf.Core.Runtime;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>The wharf.kind label's values.</summary>
internal static class ProcessKinds
{
    public const string Service = "service";
    public const string OneOff = "oneoff";
    public const string Timer = "timer";

    public static string ToLabel(ProcessKind kind) => kind switch
    {
        ProcessKind.OneOff => OneOff,
        ProcessKind.Timer => Timer,
        _ => Service,
    };

    public static bool TryParse(string? label, out ProcessKind kind)
    {
        (var known, kind) = label switch
        {
            Service => (true, ProcessKind.Service),
            OneOff => (true, ProcessKind.OneOff),
            Timer => (true, ProcessKind.Timer),
            _ => (false, ProcessKind.Service),
        };
        return known;
    }
}
