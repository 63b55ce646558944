namespace Wharf.Core.Errors;

/// <summary>
/// An error a user can cause and fix. Its message is a sentence meant for that user (what is wrong, where, what to
/// do); the server answers it as problem details and the CLI prints it, never a stack trace.
/// </summary>
public abstract class WharfException : Exception
{
    protected WharfException()
    {
    }

    protected WharfException(string message)
        : base(message)
    {
    }

    protected WharfException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
