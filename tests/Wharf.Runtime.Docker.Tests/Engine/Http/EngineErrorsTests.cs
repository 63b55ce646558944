using Wharf.Runtime.Docker.Engine.Http;

namespace Wharf.Runtime.Docker.Tests.Engine.Http;

public sealed class EngineErrorsTests
{
    [Theory]
    [InlineData(
        "driver failed programming external connectivity on endpoint web (eee5293c): Bind for 127.0.0.1:8080 failed: port is already allocated",
        "port 127.0.0.1:8080 is already in use by another container or process: stop it or choose another port")]
    [InlineData(
        "driver failed programming external connectivity on endpoint web (ef009ddc): Error starting userland proxy: listen tcp4 127.0.0.1:8081: bind: address already in use",
        "port 127.0.0.1:8081 is already in use by another container or process: stop it or choose another port")]
    [InlineData("No such image: shop/web:v3", "image shop/web:v3 not found: build it first or check the name")]
    [InlineData("No such container: 4f2a", "container 4f2a not found: it may have been removed already")]
    [InlineData("network shop not found", "network shop not found: create it first or check the name")]
    [InlineData("get data: no such volume", "volume data not found: create it first or check the name")]
    [InlineData(
        "Cannot locate specified Dockerfile: deploy/Dockerfile",
        "Dockerfile not found at deploy/Dockerfile in the build context: add it to the context or pass its path")]
    [InlineData(
        "Conflict. The container name \"/web-1\" is already in use by container \"5ea4ad996b1c3d28d04a8fba12bb0b25264fc5f7521af3a03e9c37a0edf453b7\". You have to remove (or rename) that container to be able to reuse that name.",
        "container name web-1 is already in use by container 5ea4ad996b1c: remove that container or choose another name")]
    [InlineData(
        "Container 5ea4ad996b1c3d28d04a8fba12bb0b25264fc5f7521af3a03e9c37a0edf453b7 is not running",
        "container 5ea4ad996b1c is not running")]
    [InlineData(
        "error while removing network: network shop id 4b1c has active endpoints",
        "network shop still has containers attached: disconnect or remove them first")]
    [InlineData(
        "remove data: volume is in use - [5ea4ad996b1c]",
        "volume data is in use by container(s) 5ea4ad996b1c: remove them first")]
    [InlineData(
        "Get \"http://127.0.0.1:5000/v2/\": dial tcp 127.0.0.1:5000: connect: connection refused",
        "registry 127.0.0.1:5000 is not reachable: start it or check the image name's registry part")]
    public void Translate_CommonEngineMessage_BecomesAClearSentence(string engineMessage, string expected)
    {
        Assert.Equal(expected, EngineErrors.Translate(engineMessage));
    }

    [Fact]
    public void ToException_UnknownMessage_KeepsTheEngineWordsAndStatus()
    {
        var error = EngineErrors.ToException(400, "Minimum memory limit allowed is 6MB", "POST /containers/create");

        Assert.Equal("Docker engine error on POST /containers/create (HTTP 400): Minimum memory limit allowed is 6MB", error.Message);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Minimum memory limit allowed is 6MB", error.EngineMessage);
    }

    [Fact]
    public void ToException_KnownMessage_KeepsTheOriginalForLogs()
    {
        var error = EngineErrors.ToException(404, "No such image: web:v1", "POST /containers/create");

        Assert.True(error.IsNotFound);
        Assert.Equal("image web:v1 not found: build it first or check the name", error.Message);
        Assert.Equal("No such image: web:v1", error.EngineMessage);
    }
}
