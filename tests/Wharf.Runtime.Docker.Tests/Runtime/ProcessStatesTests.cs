using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Runtime;

namespace Wharf.Runtime.Docker.Tests.Runtime;

public sealed class ProcessStatesTests
{
    [Theory]
    [InlineData("created", ProcessState.Created)]
    [InlineData("running", ProcessState.Running)]
    [InlineData("paused", ProcessState.Running)]
    [InlineData("restarting", ProcessState.Running)]
    [InlineData("exited", ProcessState.Exited)]
    [InlineData("dead", ProcessState.Exited)]
    [InlineData("removing", ProcessState.Exited)]
    public void FromEngine_EngineState_FoldsIntoWharfs(string engineState, ProcessState expected) =>
        Assert.Equal(expected, ProcessStates.FromEngine(engineState));

    [Theory]
    [InlineData("0123456789ab", true)]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456789a", false)]
    [InlineData("0123456789AB", false)]
    [InlineData("../../images", false)]
    [InlineData("wharf-shop-web", false)]
    public void IsValid_Id_OnlyHexContainerIds(string id, bool valid) =>
        Assert.Equal(valid, ProcessIds.IsValid(id));
}
