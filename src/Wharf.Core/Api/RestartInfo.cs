namespace Wharf.Core.Api;

/// <summary>Answer to a restart: which services are being replaced, one process at a time, in the background.</summary>
/// <param name="Processes">How many processes will be replaced.</param>
public sealed record RestartInfo(string App, IReadOnlyList<string> Services, int Processes);
