using Wharf.Core.Errors;

namespace Wharf.Router.Control;

/// <summary>The router could not be reached or refused a control request; the message says which, as a sentence.</summary>
public sealed class RouterControlException : WharfException
{
    public RouterControlException()
    {
    }

    public RouterControlException(string message)
        : base(message)
    {
    }

    public RouterControlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
