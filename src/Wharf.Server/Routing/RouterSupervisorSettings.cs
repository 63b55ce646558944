namespace Wharf.Server.Routing;

/// <summary>How patiently <see cref="RouterSupervisor"/> waits for and watches the router.</summary>
public sealed record RouterSupervisorSettings
{
    /// <summary>How long a started router has to answer on its control socket before the server gives up.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one status request may take.</summary>
    public TimeSpan StatusTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the running server checks that the router still answers (and starts it again if it died).</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many lines of router.log a start-up failure quotes.</summary>
    public int LogLines { get; init; } = 15;
}
