using Wharf.Core.Auth;

namespace Wharf.Storage.Tests.Sql;

public abstract partial class StateStoreContract
{
    [Fact]
    public async Task TokensTryInsert_NewToken_FindByHashReturnsIt()
    {
        var token = SampleData.Token("tok_1", "ci") with { Role = Role.Admin };

        Assert.True(await Store.Tokens.TryInsertAsync(token));

        RecordAssert.Equal(token, await Store.Tokens.FindByHashAsync(token.Hash.ToArray()));
    }

    [Fact]
    public async Task TokensFindByHash_UnknownHash_ReturnsNull()
    {
        await Store.Tokens.TryInsertAsync(SampleData.Token("tok_1", "ci"));

        Assert.Null(await Store.Tokens.FindByHashAsync(SampleData.Bytes(12345, 32)));
    }

    [Fact]
    public async Task TokensTryInsert_IdTaken_ReturnsFalse()
    {
        await Store.Tokens.TryInsertAsync(SampleData.Token("tok_1", "ci"));

        Assert.False(await Store.Tokens.TryInsertAsync(SampleData.Token("tok_1", "laptop") with { Hash = SampleData.Bytes(7, 32) }));
    }

    [Fact]
    public async Task TokensTryInsert_NameTaken_ReturnsFalse()
    {
        await Store.Tokens.TryInsertAsync(SampleData.Token("tok_1", "ci"));

        Assert.False(await Store.Tokens.TryInsertAsync(SampleData.Token("tok_2", "ci")));

        Assert.Single(await Store.Tokens.ListAsync());
    }

    [Fact]
    public async Task TokensList_SeveralTokens_OrderedByCreationTime()
    {
        await Store.Tokens.TryInsertAsync(SampleData.Token("tok_c", "third", seconds: 30));
        await Store.Tokens.TryInsertAsync(SampleData.Token("tok_a", "first", seconds: 10));
        await Store.Tokens.TryInsertAsync(SampleData.Token("tok_b", "second", seconds: 20));

        Assert.Equal(["first", "second", "third"], (await Store.Tokens.ListAsync()).Select(t => t.Name));
    }

    [Fact]
    public async Task TokensDelete_ExistingThenAgain_TrueThenFalseAndNoLongerFound()
    {
        var token = SampleData.Token("tok_1", "ci");
        await Store.Tokens.TryInsertAsync(token);

        Assert.True(await Store.Tokens.DeleteAsync("tok_1"));
        Assert.False(await Store.Tokens.DeleteAsync("tok_1"));

        Assert.Null(await Store.Tokens.FindByHashAsync(token.Hash));
        Assert.True(await Store.Tokens.TryInsertAsync(token));
    }
}
