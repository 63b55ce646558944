namespace Wharf.Runtime.Docker.Engine.Streams;

/// <summary>Which stream a piece of container output came from; values are the engine's frame header byte.</summary>
public enum LogSource
{
    StdIn = 0,
    StdOut = 1,
    StdErr = 2,

    /// <summary>The engine's own error about the stream (exec attach failures), not the process's output.</summary>
    System = 3,
}
