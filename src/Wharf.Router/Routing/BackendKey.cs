namespace Wharf.Router.Routing;

/// <summary>
/// What makes a backend the same one across tables: its process and where it answers. A restarted process gets a new
/// id (and often a new address), so it starts with a fresh health state.
/// </summary>
internal readonly record struct BackendKey(string ProcessId, string Address);
