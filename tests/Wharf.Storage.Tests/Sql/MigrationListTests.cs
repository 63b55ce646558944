using Wharf.Storage.Postgres;
using Wharf.Storage.Sql;
using Wharf.Storage.Sqlite;

namespace Wharf.Storage.Tests.Sql;

public sealed class MigrationListTests
{
    public static TheoryData<string> Backends => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Backends))]
    public void Migrations_Versions_StartAtOneWithoutGaps(string backend)
    {
        var migrations = List(backend);

        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
    }

    [Fact]
    public void Migrations_BothBackends_HaveTheSameSteps()
    {
        Assert.Equal(
            List("sqlite").Select(m => (m.Version, m.Description)),
            List("postgres").Select(m => (m.Version, m.Description)));
    }

    private static IReadOnlyList<Migration> List(string backend) =>
        backend == "sqlite" ? SqliteMigrations.All : PostgresMigrations.All;
}
