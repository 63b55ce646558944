namespace Wharf.Manifest;

/// <summary>Rolling-deploy bounds, as percentages of the service's scale count.</summary>
/// <remarks>
/// The defaults (100/200) start every new process before stopping an old one, so a deploy never lowers capacity;
/// Convox's 50 would drop a one-process service to zero. Singletons default to 0/100: the old process stops first
/// because two of them must never run at once.
/// </remarks>
public sealed record ServiceDeployment
{
    public const int DefaultMinimum = 100;
    public const int DefaultMaximum = 200;

    /// <summary>Lowest share of processes that stays running during a deploy (0-100).</summary>
    public int Minimum { get; init; } = DefaultMinimum;

    /// <summary>Highest share of processes that may run during a deploy (100-200).</summary>
    public int Maximum { get; init; } = DefaultMaximum;

    internal static ServiceDeployment Singleton { get; } = new() { Minimum = 0, Maximum = 100 };
}
