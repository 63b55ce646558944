using System.Reflection;

namespace Wharf.Server.Routing;

/// <summary>
/// How this process was started, so the router can be started the same way: the executable (the `dotnet` host,
/// or an app host such as a single-file `wharf`) and, under the `dotnet` host, the entry assembly it ran.
/// </summary>
/// <param name="ProcessPath">The executable, e.g. /usr/share/dotnet/dotnet or /opt/wharf/wharf.</param>
/// <param name="AssemblyPath">The entry assembly, e.g. /opt/wharf/wharf.dll; null or empty in a single-file app.</param>
public sealed record RouterEntryPoint(string ProcessPath, string? AssemblyPath)
{
    /// <summary>This process: <see cref="Environment.ProcessPath"/> and the entry assembly's file.</summary>
    public static RouterEntryPoint Current { get; } = new(
        Environment.ProcessPath ?? "dotnet",
        Assembly.GetEntryAssembly()?.Location);

    /// <summary>True when <see cref="ProcessPath"/> is the shared `dotnet` host, which needs the assembly to run.</summary>
    public bool IsDotnetHost =>
        string.Equals(Path.GetFileNameWithoutExtension(ProcessPath), "dotnet", StringComparison.OrdinalIgnoreCase);
}
