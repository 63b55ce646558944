using System.Data.Common;
using System.Globalization;
using Wharf.Core.Audit;

namespace Wharf.Storage.Sql;

/// <summary>Audit events outlive the apps they name: deleting an app keeps its history.</summary>
internal sealed class SqlAuditStore(SqlBackend db) : IAuditStore
{
    private const string Columns = "id, at, actor, action, target, detail";

    public async Task<AuditEvent> AppendAsync(AuditEvent auditEvent, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var id = await db.ScalarAsync(
            "INSERT INTO audit_events (at, actor, action, target, detail) VALUES (@at, @actor, @action, @target, @detail) RETURNING id",
            [
                ("@at", db.ToDb(auditEvent.At)),
                ("@actor", auditEvent.Actor),
                ("@action", auditEvent.Action),
                ("@target", auditEvent.Target),
                ("@detail", auditEvent.Detail),
            ],
            ct);
        return auditEvent with { Id = Convert.ToInt64(id, CultureInfo.InvariantCulture), At = Timestamps.ToStored(auditEvent.At) };
    }

    public Task<IReadOnlyList<AuditEvent>> ListAsync(int limit = 100, string? app = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (app is null)
        {
            return db.QueryAsync($"SELECT {Columns} FROM audit_events ORDER BY id DESC LIMIT @limit", [("@limit", limit)], Read, ct);
        }

        // A prefix compare instead of LIKE, so '%' and '_' in a target are never wildcards.
        return db.QueryAsync(
            $"SELECT {Columns} FROM audit_events WHERE target = @app OR substr(target, 1, length(@prefix)) = @prefix ORDER BY id DESC LIMIT @limit",
            [("@app", app), ("@prefix", app + "/"), ("@limit", limit)],
            Read,
            ct);
    }

    private AuditEvent Read(DbDataReader r) =>
        new(
            r.GetInt64(0),
            db.ReadTimestamp(r, 1),
            r.GetString(2),
            r.GetString(3),
            r.GetString(4),
            r.IsDBNull(5) ? null : r.GetString(5));
}
