namespace Wharf.Core.Routing;

/// <summary>
/// Processes on their way out (a rolling restart's old process, the reconciler's extras and strays): the route
/// table leaves them out, so the router takes them out of rotation before they are drained and stopped.
/// </summary>
public sealed class DrainingProcesses : ProcessIdSet;
