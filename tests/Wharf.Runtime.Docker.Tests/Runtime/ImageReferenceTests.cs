using Wharf.Runtime.Docker.Runtime;

namespace Wharf.Runtime.Docker.Tests.Runtime;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("wharf/shop-web:3", "wharf/shop-web", "3")]
    [InlineData("wharf/shop-web", "wharf/shop-web", "latest")]
    [InlineData("127.0.0.1:5000/shop/web:v2", "127.0.0.1:5000/shop/web", "v2")]
    [InlineData("127.0.0.1:5000/shop/web", "127.0.0.1:5000/shop/web", "latest")]
    [InlineData("debian:bookworm-slim", "debian", "bookworm-slim")]
    public void Parse_Reference_SplitsRepositoryAndTag(string reference, string repository, string tag) =>
        Assert.Equal(new ImageReference(repository, tag), ImageReference.Parse(reference));

    [Fact]
    public void Parse_Digest_IsRefused() =>
        Assert.Throws<ArgumentException>(() => ImageReference.Parse("web@sha256:0123"));
}
