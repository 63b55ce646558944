namespace Wharf.Core.Routing;

/// <summary>The route table could not be built or handed to the router; the router keeps serving the last one it took.</summary>
public sealed class RouterSyncException : Exception
{
    public RouterSyncException()
    {
    }

    public RouterSyncException(string message)
        : base(message)
    {
    }

    public RouterSyncException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
