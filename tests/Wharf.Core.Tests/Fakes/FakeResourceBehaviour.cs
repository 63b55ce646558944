namespace Wharf.Core.Tests.Fakes;

/// <summary>How a fake resource container behaves once created.</summary>
/// <param name="ChecksBeforeReady">How many readiness checks fail before one passes.</param>
/// <param name="ExitCode">Exits with this code at the first check instead of becoming ready.</param>
/// <param name="Logs">What it printed, for the error of a failed start.</param>
public sealed record FakeResourceBehaviour(int ChecksBeforeReady = 0, int? ExitCode = null, IReadOnlyList<string>? Logs = null, string? CreateError = null)
{
    public static FakeResourceBehaviour Ready { get; } = new();

    public static FakeResourceBehaviour Exits(int code, params string[] logs) => new(ExitCode: code, Logs: logs);
}
