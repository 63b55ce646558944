namespace Wharf.Core.Api;

/// <summary>One service of the current release and how many processes it should run and does.</summary>
/// <param name="Count">Processes it should run: the `wharf scale` override, else wharf.yml's scale.count.</param>
/// <param name="Min">Lowest count `wharf scale` may set (wharf.yml's scale.min).</param>
/// <param name="Max">Highest count `wharf scale` may set (wharf.yml's scale.max).</param>
/// <param name="Image">The image its processes run.</param>
/// <param name="Memory">Memory limit per process in bytes; null for none.</param>
/// <param name="Cpu">CPU limit per process in millicores (1000 = one core); null for none.</param>
/// <param name="Running">Its processes of the current release that run now.</param>
public sealed record FormationInfo(
    string Service,
    int Count,
    int Min,
    int Max,
    int? Port,
    string? Image,
    long? Memory,
    int? Cpu,
    bool Singleton,
    int Running);
