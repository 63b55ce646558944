namespace Wharf.Server;

/// <summary>
/// The server cannot start: bad options, or a data directory it cannot prepare. <see cref="Exception.Message"/>
/// is every problem, one sentence a line, ready to print instead of a stack trace.
/// </summary>
public sealed class ServerStartupException : Exception
{
    public ServerStartupException()
        : this(["The server could not start."])
    {
    }

    public ServerStartupException(string message)
        : this([message])
    {
    }

    public ServerStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public ServerStartupException(IReadOnlyList<string> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    public ServerStartupException(IReadOnlyList<string> problems, Exception innerException)
        : base(Format(problems), innerException)
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }

    private static string Format(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"wharf server cannot start: {problems[0]}"
            : $"wharf server cannot start ({problems.Count} problems):{Environment.NewLine}"
                + string.Join(Environment.NewLine, problems.Select(p => "  - " + p));
}
