namespace Wharf.Server.Tests.Routing;

/// <summary>
/// Tests that measure traffic against a rate (200 requests/s) run alone, after the parallel ones: on a 2-core machine
/// the other Docker test classes would otherwise take the CPU the load generator and the app need.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneUnderLoad
{
    public const string Name = "Alone under load";
}
