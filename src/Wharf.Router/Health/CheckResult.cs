namespace Wharf.Router.Health;

/// <summary>The outcome of one active check of a backend.</summary>
/// <param name="Failure">Why it failed, as a user reads it in the router's status ("GET /health answered 404"); null when it passed.</param>
/// <param name="Unreachable">It failed because nothing could be connected to (refused, unreachable): such a backend is never tried as a last resort.</param>
internal readonly record struct CheckResult(bool Passed, string? Failure, bool Unreachable)
{
    public static CheckResult Pass { get; } = new(true, null, false);

    /// <summary>The backend answered, but not well (a 4xx/5xx, too slowly, a broken response).</summary>
    public static CheckResult Failed(string reason) => new(false, reason, false);

    /// <summary>No connection could be made to the backend.</summary>
    public static CheckResult NotConnected(string reason) => new(false, reason, true);
}
