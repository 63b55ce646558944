using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Engine.Http;

namespace Wharf.Runtime.Docker.Tests.Engine;

public sealed class DockerFiltersTests
{
    [Fact]
    public void Serialize_LabelsAndType_WritesTheEngineFilterShape()
    {
        var filters = DockerFilters.WithLabel("wharf.app", "shop").Label("wharf.managed").Type("container");

        Assert.Equal("""{"label":["wharf.app=shop","wharf.managed"],"type":["container"]}""", DockerJson.Serialize(filters));
    }

    [Fact]
    public void Label_OnASharedBase_DoesNotChangeTheBase()
    {
        var shared = DockerFilters.WithLabel("wharf.app", "shop");

        var narrowed = shared.Label("wharf.process", "web");

        Assert.Single(shared.Values["label"]);
        Assert.Equal(2, narrowed.Values["label"].Count);
    }

    [Fact]
    public void AddFilters_InQuery_IsUrlEncodedJson()
    {
        var query = new DockerQuery().Add("all", true).AddFilters(DockerFilters.WithLabel("a", "b"));

        Assert.Equal("?all=true&filters=%7B%22label%22%3A%5B%22a%3Db%22%5D%7D", query.ToString());
    }
}
