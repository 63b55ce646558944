using System.Data.Common;

namespace Wharf.Storage.Sql;

/// <summary>Builds commands with named parameters; both providers accept "@name" placeholders.</summary>
internal static class SqlParameters
{
    public static DbCommand Command(
        this DbConnection connection,
        DbTransaction? transaction,
        string sql,
        IReadOnlyList<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Every statement is a constant in this assembly; values only travel as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(
        this DbConnection connection,
        DbTransaction? transaction,
        string sql,
        IReadOnlyList<(string Name, object? Value)> parameters,
        CancellationToken ct)
    {
        await using var command = connection.Command(transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
