using Wharf.Core.Deployments;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Processes;

/// <summary>Answers from <see cref="FakeProcessRuntime.IsListening"/>: a fake process listens unless told otherwise.</summary>
public sealed class RuntimePortProbe(FakeProcessRuntime runtime) : IPortProbe
{
    public Task<bool> AcceptsAsync(string address, TimeSpan timeout, CancellationToken ct = default) => Task.FromResult(runtime.IsListening(address));
}
