namespace Wharf.Cli;

/// <summary>The documented process exit codes. Scripts branch on them, so a code never changes meaning.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The API refused the request, local validation failed, or a check found problems.</summary>
    public const int Error = 1;

    /// <summary>The command line itself is wrong: unknown command, missing or malformed argument.</summary>
    public const int Usage = 2;

    public const int Unreachable = 3;

    /// <summary>No token, a token the server does not know (401), or a role too low (403).</summary>
    public const int NotAuthorized = 4;

    public const int NotFound = 5;

    /// <summary>Ctrl+C: the command stopped (a deployment goes on on the server; an attached one-off is stopped).</summary>
    public const int Interrupted = 130;
}
