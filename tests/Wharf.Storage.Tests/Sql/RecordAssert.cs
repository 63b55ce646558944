using Wharf.Core.Auth;
using Wharf.Core.Builds;
using Wharf.Core.Config;

namespace Wharf.Storage.Tests.Sql;

/// <summary>Record equality compares arrays and dictionaries by reference; these compare them by content.</summary>
public static class RecordAssert
{
    public static void Equal(EnvVersion expected, EnvVersion? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Sealed = actual.Sealed }, actual);
        Assert.Equal(expected.Sealed.KeyId, actual.Sealed.KeyId);
        Assert.Equal(expected.Sealed.WrappedKey, actual.Sealed.WrappedKey);
        Assert.Equal(expected.Sealed.Nonce, actual.Sealed.Nonce);
        Assert.Equal(expected.Sealed.Ciphertext, actual.Sealed.Ciphertext);
        Assert.Equal(expected.Sealed.Tag, actual.Sealed.Tag);
    }

    public static void Equal(Build expected, Build? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Images = actual.Images }, actual);
        Assert.Equal(expected.Images.OrderBy(p => p.Key), actual.Images.OrderBy(p => p.Key));
    }

    public static void Equal(ApiToken expected, ApiToken? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Hash = actual.Hash }, actual);
        Assert.Equal(expected.Hash, actual.Hash);
    }
}
