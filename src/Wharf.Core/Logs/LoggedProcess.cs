namespace Wharf.Core.Logs;

/// <summary>A process whose output the collector reads: who it is, and whether it may still write.</summary>
/// <param name="Id">The runtime's process id (as `wharf ps` shows it).</param>
/// <param name="Running">False once it has exited: its output ends where the runtime's copy of it ends.</param>
public sealed record LoggedProcess(string Id, string App, string Service, int Release, bool Running);
