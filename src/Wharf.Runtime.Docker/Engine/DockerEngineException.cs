namespace Wharf.Runtime.Docker.Engine;

/// <summary>
/// The engine refused or failed a request. <see cref="Exception.Message"/> is a sentence for the user;
/// <see cref="EngineMessage"/> keeps the engine's own words for logs.
/// </summary>
public class DockerEngineException : Exception
{
    public DockerEngineException()
    {
    }

    public DockerEngineException(string message)
        : base(message)
    {
    }

    public DockerEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DockerEngineException(string message, int statusCode, string? engineMessage, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        EngineMessage = engineMessage;
    }

    /// <summary>The HTTP status the engine answered with, or 0 when it could not be reached or answered mid-stream.</summary>
    public int StatusCode { get; }

    /// <summary>The engine's message as it sent it, when it sent one.</summary>
    public string? EngineMessage { get; }

    public bool IsNotFound => StatusCode == 404;

    public bool IsConflict => StatusCode == 409;
}
