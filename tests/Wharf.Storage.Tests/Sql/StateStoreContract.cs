using Wharf.Core.State;

namespace Wharf.Storage.Tests.Sql;

/// <summary>
/// The behaviour every <see cref="IStateStore"/> must have, run against each backend over a real database.
/// Split by capability across partial files; each test gets a fresh, migrated database.
/// </summary>
public abstract partial class StateStoreContract : IAsyncLifetime
{
    private readonly List<IStateStore> _opened = [];

    /// <summary>A migrated store over this test's database.</summary>
    protected IStateStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        Store = await OpenAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        await DropDatabaseAsync();
    }

    /// <summary>Makes an empty database (a temp file, a fresh schema) for this test.</summary>
    protected abstract Task CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    /// <summary>A new store instance over this test's database, not yet migrated.</summary>
    protected abstract IStateStore CreateStore();

    /// <summary>Runs SQL directly against this test's database, bypassing the store.</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    /// <summary>Opens another store over the same database, as a restarted server would.</summary>
    protected async Task<IStateStore> OpenAsync()
    {
        var store = CreateStore();
        _opened.Add(store);
        await store.MigrateAsync();
        return store;
    }
}
