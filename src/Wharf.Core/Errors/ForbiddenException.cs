namespace Wharf.Core.Errors;

/// <summary>The caller is known but its role does not allow this.</summary>
public sealed class ForbiddenException : WharfException
{
    public ForbiddenException()
    {
    }

    public ForbiddenException(string message)
        : base(message)
    {
    }

    public ForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
