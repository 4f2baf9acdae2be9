namespace Cradle.Store.Postgres;

/// <summary>One schema step: the SQL statements that take a store from version <c>Version - 1</c> to <c>Version</c>,
/// applied in one transaction together with the new schema_version row.</summary>
/// <param name="Version">The version reached, starting at 1 and increasing by one.</param>
/// <param name="Description">What the step does, stored with it.</param>
/// <param name="Statements">The SQL statements, in order.</param>
internal sealed record PostgresMigration(int Version, string Description, IReadOnlyList<string> Statements);

/// <summary>
/// Every schema step of the PostgreSQL store, oldest first: the same versions, tables, columns, keys and checks as the
/// SQLite store's (docs/run-store.md), in PostgreSQL's types (times as timestamptz, figures as double precision). Append
/// new steps in step with SQLite; never edit a released one (stores in the field already ran it).
/// </summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<PostgresMigration> All { get; } =
    [
        new(1, "runs, sensors and samples",
        [
            """
            CREATE TABLE runs (
                id                text PRIMARY KEY NOT NULL,
                name              text CONSTRAINT runs_name_key UNIQUE,
                command_line      text NOT NULL,
                host              text NOT NULL,
                working_directory text NOT NULL,
                started_utc       timestamptz NOT NULL,
                ended_utc         timestamptz,
                status            text NOT NULL CHECK (status IN ('running', 'complete', 'interrupted', 'failed')),
                exit_code         integer,
                writer_pid        integer NOT NULL,
                site_id           text,
                requests          bigint,
                model             text,
                parameter_count   double precision,
                precision         text,
                task              text
            )
            """,
            "CREATE INDEX runs_by_start ON runs (started_utc DESC, id DESC)",
            """
            CREATE TABLE sensors (
                run_id      text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                sensor_id   text NOT NULL,
                kind        text NOT NULL,
                device      text NOT NULL,
                provenance  text NOT NULL CHECK (provenance IN ('measured', 'modelled')),
                description text NOT NULL,
                CONSTRAINT sensors_pkey PRIMARY KEY (run_id, sensor_id)
            )
            """,
            """
            CREATE TABLE samples (
                run_id        text NOT NULL,
                sensor_id     text NOT NULL,
                offset_s      double precision NOT NULL CHECK (offset_s >= 0),
                energy_j      double precision CHECK (energy_j >= 0),
                power_w       double precision CHECK (power_w >= 0),
                temperature_c double precision,
                utilisation   double precision CHECK (utilisation BETWEEN 0 AND 1),
                CONSTRAINT samples_pkey PRIMARY KEY (run_id, sensor_id, offset_s),
                CONSTRAINT samples_sensor_fkey FOREIGN KEY (run_id, sensor_id)
                    REFERENCES sensors (run_id, sensor_id) ON DELETE CASCADE
            )
            """,
        ]),
        new(2, "unavailable sensors and idle baselines",
        [
            // As in SQLite (whose CHECK cannot change in place): a sensor that gave no figure is marked by this column,
            // and its provenance column keeps 'measured'. Kept identical so both stores read and export alike.
            "ALTER TABLE sensors ADD COLUMN available smallint NOT NULL DEFAULT 1 CHECK (available IN (0, 1))",
            "UPDATE sensors SET available = 0 WHERE description LIKE 'unavailable: %'",
            """
            CREATE TABLE idle_baselines (
                run_id     text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                sensor_id  text NOT NULL,
                duration_s double precision NOT NULL CHECK (duration_s > 0),
                energy_j   double precision NOT NULL CHECK (energy_j >= 0),
                PRIMARY KEY (run_id, sensor_id)
            )
            """,
        ]),
        new(3, "batch jobs and imported runs",
        [
            // A job spans nodes: one run per node, read together by job id.
            "ALTER TABLE runs ADD COLUMN job_id text",
            "CREATE INDEX runs_by_job ON runs (job_id)",
            // Null for runs cradle measure wrote; unique, so importing the same record twice is refused (NULLs do not
            // collide in a PostgreSQL unique index either).
            "ALTER TABLE runs ADD COLUMN origin text",
            "CREATE UNIQUE INDEX runs_by_origin ON runs (origin)",
        ]),
        new(4, "devices a sensor covers",
        [
            // An imported total (CodeCarbon's GPU energy of 8 GPUs) is one sensor covering several devices.
            "ALTER TABLE sensors ADD COLUMN devices integer NOT NULL DEFAULT 1 CHECK (devices >= 1)",
        ]),
        new(5, "studies and their assessments",
        [
            // A study is kept once per text: the hash is unique, so uploading the same file again finds the first.
            """
            CREATE TABLE studies (
                id           text PRIMARY KEY NOT NULL,
                name         text NOT NULL,
                text         text NOT NULL,
                sha256       text NOT NULL UNIQUE,
                bytes        bigint NOT NULL CHECK (bytes > 0),
                tool_version text NOT NULL,
                uploaded_utc timestamptz NOT NULL
            )
            """,
            "CREATE INDEX studies_by_upload ON studies (uploaded_utc DESC, id DESC)",
            // The results document (cradle.assessment/2) as written; the seed is an unsigned 64-bit number, kept as text.
            """
            CREATE TABLE assessments (
                id           text PRIMARY KEY NOT NULL,
                study_id     text NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
                results      text NOT NULL,
                bytes        bigint NOT NULL CHECK (bytes > 0),
                iterations   integer CHECK (iterations >= 1),
                seed         text,
                tool_version text NOT NULL,
                created_utc  timestamptz NOT NULL
            )
            """,
            "CREATE INDEX assessments_by_study ON assessments (study_id, created_utc DESC, id DESC)",
        ]),
        new(6, "run tags",
        [
            // A run's labels (baseline, team=nlp), kept in the order given; runs are filtered by exact tag.
            """
            CREATE TABLE run_tags (
                run_id  text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                tag     text NOT NULL CHECK (char_length(tag) BETWEEN 1 AND 64),
                ordinal integer NOT NULL,
                PRIMARY KEY (run_id, tag)
            )
            """,
            "CREATE INDEX run_tags_by_tag ON run_tags (tag)",
        ]),
        new(7, "background databases",
        [
            // A Cradle background file kept whole (its bytes), by the name and version declared at import; studies
            // name it with store: instead of a file. package_sha256 is the manifest's, so keeping it twice is a no-op.
            """
            CREATE TABLE background_databases (
                name           text NOT NULL,
                version        text NOT NULL,
                package_sha256 text NOT NULL,
                source         text NOT NULL,
                imported_with  text NOT NULL,
                imported_at    timestamptz NOT NULL,
                content        bytea NOT NULL,
                size           bigint NOT NULL CHECK (size > 0),
                PRIMARY KEY (name, version)
            )
            """,
        ]),
    ];

    /// <summary>The newest version this code knows.</summary>
    public static int LatestVersion => All[^1].Version;
}
