namespace Wharf.Core.Api;

/// <summary>`wharf exec`: a command run inside a running process; its output and exit code are streamed back.</summary>
public sealed record ExecRequest(IReadOnlyList<string> Command);
