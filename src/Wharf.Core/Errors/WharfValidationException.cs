namespace Wharf.Core.Errors;

/// <summary>
/// The input is invalid. <see cref="Errors"/> maps each offending field (as named in the request, camelCase) to
/// every problem found with it, so a user can fix them all at once.
/// </summary>
public sealed class WharfValidationException : WharfException
{
    public WharfValidationException()
        : this("The request is invalid.")
    {
    }

    public WharfValidationException(string message)
        : this(message, new Dictionary<string, string[]>())
    {
    }

    public WharfValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public WharfValidationException(string message, IReadOnlyDictionary<string, string[]> errors)
        : base(message)
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>One field, one problem: the message is that problem.</summary>
    public static WharfValidationException For(string field, string message) =>
        new(message, new Dictionary<string, string[]> { [field] = [message] });
}
