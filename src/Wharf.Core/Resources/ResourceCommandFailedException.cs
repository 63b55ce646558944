namespace Wharf.Core.Resources;

/// <summary>
/// A dump or restore failed after its output had begun to stream: the answer is already under way, so it cannot
/// become a problem response any more; the server cuts the transfer off so the client never takes it as complete.
/// </summary>
public sealed class ResourceCommandFailedException : Exception
{
    public ResourceCommandFailedException()
    {
    }

    public ResourceCommandFailedException(string message)
        : base(message)
    {
    }

    public ResourceCommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
