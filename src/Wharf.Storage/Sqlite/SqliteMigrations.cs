using Wharf.Storage.Sql;

namespace Wharf.Storage.Sqlite;

/// <summary>
/// SQLite schema steps. STRICT tables reject a value of the wrong type instead of storing it. Keep the tables and
/// columns in step with <see cref="Postgres.PostgresMigrations"/>: the stores run the same SQL on both.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "apps, env versions, builds, releases, audit events, API tokens", """
            CREATE TABLE apps (
                name TEXT PRIMARY KEY,
                created_at TEXT NOT NULL,
                current_release INTEGER
            ) STRICT;

            CREATE TABLE env_versions (
                app TEXT NOT NULL REFERENCES apps (name),
                version INTEGER NOT NULL,
                key_id TEXT NOT NULL,
                wrapped_key BLOB NOT NULL,
                nonce BLOB NOT NULL,
                ciphertext BLOB NOT NULL,
                tag BLOB NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (app, version)
            ) STRICT;

            CREATE TABLE builds (
                app TEXT NOT NULL REFERENCES apps (name),
                number INTEGER NOT NULL,
                status TEXT NOT NULL,
                images TEXT NOT NULL,
                manifest TEXT,
                error TEXT,
                created_at TEXT NOT NULL,
                finished_at TEXT,
                PRIMARY KEY (app, number)
            ) STRICT;

            CREATE TABLE releases (
                app TEXT NOT NULL REFERENCES apps (name),
                version INTEGER NOT NULL,
                build INTEGER,
                env_version INTEGER,
                manifest TEXT,
                description TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (app, version)
            ) STRICT;

            CREATE TABLE audit_events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                detail TEXT
            ) STRICT;
            CREATE INDEX audit_events_target ON audit_events (target);

            CREATE TABLE api_tokens (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL,
                hash BLOB NOT NULL UNIQUE,
                created_at TEXT NOT NULL
            ) STRICT;
            """),
        new(2, "deployments, formation, timer runs", """
            CREATE TABLE deployments (
                app TEXT NOT NULL REFERENCES apps (name),
                id INTEGER NOT NULL,
                kind TEXT NOT NULL,
                status TEXT NOT NULL,
                build INTEGER,
                release INTEGER,
                error TEXT,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                finished_at TEXT,
                PRIMARY KEY (app, id)
            ) STRICT;
            CREATE INDEX deployments_status ON deployments (status);

            CREATE TABLE formation (
                app TEXT NOT NULL REFERENCES apps (name),
                service TEXT NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (app, service)
            ) STRICT;

            CREATE TABLE timer_runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                app TEXT NOT NULL REFERENCES apps (name),
                timer TEXT NOT NULL,
                release INTEGER NOT NULL,
                scheduled_at TEXT NOT NULL,
                started_at TEXT,
                finished_at TEXT,
                status TEXT NOT NULL,
                exit_code INTEGER,
                process_id TEXT
            ) STRICT;
            CREATE INDEX timer_runs_app_timer_scheduled_at ON timer_runs (app, timer, scheduled_at);
            CREATE INDEX timer_runs_status ON timer_runs (status);
            """),
        new(3, "resources", """
            CREATE TABLE resources (
                app TEXT NOT NULL REFERENCES apps (name),
                name TEXT NOT NULL,
                type TEXT NOT NULL,
                key_id TEXT NOT NULL,
                wrapped_key BLOB NOT NULL,
                nonce BLOB NOT NULL,
                ciphertext BLOB NOT NULL,
                tag BLOB NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (app, name)
            ) STRICT;
            """),
    ];
}
