namespace Wharf.Core.Errors;

/// <summary>The change clashes with what already exists (a taken name) or with a concurrent change.</summary>
public sealed class ConflictException : WharfException
{
    public ConflictException()
    {
    }

    public ConflictException(string message)
        : base(message)
    {
    }

    public ConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
