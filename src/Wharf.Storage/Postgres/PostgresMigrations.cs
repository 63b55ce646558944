using Wharf.Storage.Sql;

namespace Wharf.Storage.Postgres;

/// <summary>PostgreSQL schema steps; same tables and columns as <see cref="Sqlite.SqliteMigrations"/>, native types.</summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "apps, env versions, builds, releases, audit events, API tokens", """
            CREATE TABLE apps (
                name text PRIMARY KEY,
                created_at timestamptz NOT NULL,
                current_release integer
            );

            CREATE TABLE env_versions (
                app text NOT NULL REFERENCES apps (name),
                version integer NOT NULL,
                key_id text NOT NULL,
                wrapped_key bytea NOT NULL,
                nonce bytea NOT NULL,
                ciphertext bytea NOT NULL,
                tag bytea NOT NULL,
                created_at timestamptz NOT NULL,
                PRIMARY KEY (app, version)
            );

            CREATE TABLE builds (
                app text NOT NULL REFERENCES apps (name),
                number integer NOT NULL,
                status text NOT NULL,
                images text NOT NULL,
                manifest text,
                error text,
                created_at timestamptz NOT NULL,
                finished_at timestamptz,
                PRIMARY KEY (app, number)
            );

            CREATE TABLE releases (
                app text NOT NULL REFERENCES apps (name),
                version integer NOT NULL,
                build integer,
                env_version integer,
                manifest text,
                description text NOT NULL,
                created_by text NOT NULL,
                created_at timestamptz NOT NULL,
                PRIMARY KEY (app, version)
            );

            CREATE TABLE audit_events (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at timestamptz NOT NULL,
                actor text NOT NULL,
                action text NOT NULL,
                target text NOT NULL,
                detail text
            );
            CREATE INDEX audit_events_target ON audit_events (target);

            CREATE TABLE api_tokens (
                id text PRIMARY KEY,
                name text NOT NULL UNIQUE,
                role text NOT NULL,
                hash bytea NOT NULL UNIQUE,
                created_at timestamptz NOT NULL
            );
            """),
        new(2, "deployments, formation, timer runs", """
            CREATE TABLE deployments (
                app text NOT NULL REFERENCES apps (name),
                id integer NOT NULL,
                kind text NOT NULL,
                status text NOT NULL,
                build integer,
                release integer,
                error text,
                created_by text NOT NULL,
                created_at timestamptz NOT NULL,
                finished_at timestamptz,
                PRIMARY KEY (app, id)
            );
            CREATE INDEX deployments_status ON deployments (status);

            CREATE TABLE formation (
                app text NOT NULL REFERENCES apps (name),
                service text NOT NULL,
                count integer NOT NULL,
                PRIMARY KEY (app, service)
            );

            CREATE TABLE timer_runs (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                app text NOT NULL REFERENCES apps (name),
                timer text NOT NULL,
                release integer NOT NULL,
                scheduled_at timestamptz NOT NULL,
                started_at timestamptz,
                finished_at timestamptz,
                status text NOT NULL,
                exit_code integer,
                process_id text
            );
            CREATE INDEX timer_runs_app_timer_scheduled_at ON timer_runs (app, timer, scheduled_at);
            CREATE INDEX timer_runs_status ON timer_runs (status);
            """),
        new(3, "resources", """
            CREATE TABLE resources (
                app text NOT NULL REFERENCES apps (name),
                name text NOT NULL,
                type text NOT NULL,
                key_id text NOT NULL,
                wrapped_key bytea NOT NULL,
                nonce bytea NOT NULL,
                ciphertext bytea NOT NULL,
                tag bytea NOT NULL,
                created_at timestamptz NOT NULL,
                PRIMARY KEY (app, name)
            );
            """),
    ];
}
