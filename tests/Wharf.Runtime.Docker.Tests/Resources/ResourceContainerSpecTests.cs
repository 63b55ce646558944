using Wharf.Core.Resources;
using Wharf.Manifest;
using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Resources;
using Wharf.Runtime.Docker.Runtime;

namespace Wharf.Runtime.Docker.Tests.Resources;

public sealed class ResourceContainerSpecTests
{
    private static readonly ResourceSpec _main = ResourceKinds.For(ResourceType.Postgres)
        .Spec("shop", "main", new ResourceSettings("15", null, true), new ResourceCredentials("main", "pw", "main"));

    [Fact]
    public void From_Postgres_IsNamedForTheAppOnItsNetworkUnderTheResourceNameWithItsVolume()
    {
        var spec = ResourceContainerSpec.From(_main);

        Assert.Equal(("postgres:15", "wharf-shop-main"), (spec.Image, spec.Name));
        Assert.Equal(("wharf-shop", "main"), (spec.Network, Assert.Single(spec.NetworkAliases)));
        Assert.Equal(ContainerMount.Volume("wharf-shop-main-data", "/var/lib/postgresql/data"), Assert.Single(spec.Mounts));
        Assert.Equal("unless-stopped", spec.RestartPolicy);
        Assert.Empty(spec.Ports);
        Assert.Equal("pw", spec.Env["POSTGRES_PASSWORD"]);
    }

    [Fact]
    public void From_Postgres_LabelsSayAppResourceTypeAndFingerprintButNoService()
    {
        var labels = ResourceContainerSpec.From(_main).Labels;

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["wharf.managed"] = "1",
                ["wharf.app"] = "shop",
                ["wharf.resource"] = "main",
                ["wharf.resource.type"] = "postgres",
                ["wharf.resource.fingerprint"] = _main.Fingerprint(),
            },
            labels);
        Assert.False(ProcessIdentity.TryRead(labels, out _));
        Assert.True(ResourceLabels.AreResource(labels, "shop"));
        Assert.False(ResourceLabels.AreResource(labels, "other"));
    }

    [Fact]
    public void FromInspect_RestartingContainer_ReadsBackTheResource()
    {
        var container = new ContainerInspect
        {
            Id = "abc",
            Created = DateTimeOffset.UnixEpoch.AddDays(1),
            RestartCount = 2,
            Config = new ContainerConfig { Image = "postgres:15", Labels = ResourceContainerSpec.From(_main).Labels },
            State = new ContainerState { Status = "restarting", Restarting = true, Running = true, ExitCode = 1 },
        };

        var instance = ResourceMapper.FromInspect(container);

        Assert.Equal(
            new ResourceInstance("abc", "shop", "main", ResourceType.Postgres, "postgres:15", _main.Fingerprint(), ResourceState.Restarting, 2, 1,
                DateTimeOffset.UnixEpoch.AddDays(1), null, "wharf-shop-main-data"),
            instance);
    }

    [Fact]
    public void FromInspect_ProcessContainer_IsNoResource()
    {
        var container = new ContainerInspect
        {
            Config = new ContainerConfig
            {
                Labels = new Dictionary<string, string> { ["wharf.managed"] = "1", ["wharf.app"] = "shop", ["wharf.service"] = "web", ["wharf.release"] = "1", ["wharf.kind"] = "service" },
            },
        };

        Assert.Null(ResourceMapper.FromInspect(container));
    }

    [Fact]
    public void Fingerprint_PasswordChanges_ChangesTheFingerprint()
    {
        var other = ResourceKinds.For(ResourceType.Postgres)
            .Spec("shop", "main", new ResourceSettings("15", null, true), new ResourceCredentials("main", "other", "main"));

        Assert.NotEqual(_main.Fingerprint(), other.Fingerprint());
        Assert.Equal(16, _main.Fingerprint().Length);
    }
}
