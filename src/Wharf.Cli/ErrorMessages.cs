using System.Text.Json;
using Wharf.Cli.Client;

namespace Wharf.Cli;

/// <summary>Maps every failure to the sentence a user sees and the documented exit code; never a stack trace.</summary>
internal static class ErrorMessages
{
    public static (string Message, int ExitCode) Describe(Exception exception) => exception switch
    {
        CliException e => (e.Message, e.ExitCode),
        WharfUnreachableException e => (e.Message, ExitCodes.Unreachable),
        WharfApiException { Status: 401 } e => (
            $"Not authenticated: the server at {e.Server} does not accept this token (unknown or revoked). "
                + $"Run `wharf login {e.Server} --token TOKEN` to log in again, or fix WHARF_TOKEN.",
            ExitCodes.NotAuthorized),
        WharfApiException { Status: 403 } e => ($"Not allowed: {Sentence(e.Detail)}", ExitCodes.NotAuthorized),
        WharfApiException { Status: 404 } e => (Sentence(e.Detail), ExitCodes.NotFound),
        WharfApiException e => (WithFieldErrors(e), ExitCodes.Error),
        OperationCanceledException => ("Cancelled.", ExitCodes.Interrupted),
        JsonException e => ($"Unreadable JSON: {e.Message}", ExitCodes.Error),
        IOException or UnauthorizedAccessException => ($"{exception.Message}", ExitCodes.Error),
        _ => ($"Unexpected error ({exception.GetType().Name}): {exception.Message}", ExitCodes.Error),
    };

    private static string WithFieldErrors(WharfApiException e)
    {
        var lines = e.FieldErrors
            .Where(field => !e.Detail.Contains(string.Join(' ', field.Value), StringComparison.Ordinal))
            .Select(field => $"  {field.Key}: {string.Join("; ", field.Value)}");
        return string.Join(System.Environment.NewLine, lines.Prepend(Sentence(e.Detail)));
    }

    /// <summary>Server details are sentences; make sure one ends before the next begins.</summary>
    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.EndsWith('.') || trimmed.EndsWith('?') || trimmed.EndsWith('!') ? trimmed : trimmed + ".";
    }
}
