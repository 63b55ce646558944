namespace Wharf.Core.Runtime;

/// <summary>A build that failed because of its input (a bad Dockerfile, a failing RUN): the message says what and where.</summary>
public sealed class ImageBuildException : Exception
{
    public ImageBuildException()
    {
    }

    public ImageBuildException(string message)
        : base(message)
    {
    }

    public ImageBuildException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
