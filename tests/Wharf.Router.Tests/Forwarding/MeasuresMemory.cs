namespace Wharf.Router.Tests.Forwarding;

/// <summary>Tests that measure the process's memory run alone, so other tests' allocations do not count.</summary>
[CollectionDefinition(nameof(MeasuresMemory), DisableParallelization = true)]
public sealed class MeasuresMemory;
