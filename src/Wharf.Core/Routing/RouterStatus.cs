namespace Wharf.Core.Routing;

/// <summary>The router as it is now.</summary>
/// <param name="ProcessId">The router's operating-system process id.</param>
/// <param name="Listening">The URLs it serves apps on, e.g. "http://127.0.0.1:8080".</param>
/// <param name="Routes">How many routes its table has.</param>
public sealed record RouterStatus(int ProcessId, IReadOnlyList<string> Listening, int Routes, IReadOnlyList<BackendStatus> Backends);
