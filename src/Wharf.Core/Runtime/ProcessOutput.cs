namespace Wharf.Core.Runtime;

/// <summary>One line a process wrote, without its line ending.</summary>
public sealed record ProcessOutput(OutputChannel Stream, string Text, DateTimeOffset? At);
