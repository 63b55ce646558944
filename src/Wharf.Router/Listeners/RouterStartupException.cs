namespace Wharf.Router.Listeners;

/// <summary>The router cannot start; the message says why in a sentence (print it, exit non-zero).</summary>
public sealed class RouterStartupException : Exception
{
    public RouterStartupException()
    {
    }

    public RouterStartupException(string message)
        : base(message)
    {
    }

    public RouterStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RouterStartupException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems ?? []))
    {
    }
}
