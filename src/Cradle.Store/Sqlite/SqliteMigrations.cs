namespace Cradle.Store.Sqlite;

/// <summary>
/// Every schema step of the SQLite store, oldest first. Append new steps; never edit a released one (stores in the
/// field already ran it).
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "runs, sensors and samples",
        [
            """
            CREATE TABLE runs (
                id                TEXT PRIMARY KEY NOT NULL,
                name              TEXT UNIQUE,
                command_line      TEXT NOT NULL,
                host              TEXT NOT NULL,
                working_directory TEXT NOT NULL,
                started_utc       TEXT NOT NULL,
                ended_utc         TEXT,
                status            TEXT NOT NULL CHECK (status IN ('running', 'complete', 'interrupted', 'failed')),
                exit_code         INTEGER,
                writer_pid        INTEGER NOT NULL,
                site_id           TEXT,
                requests          INTEGER,
                model             TEXT,
                parameter_count   REAL,
                precision         TEXT,
                task              TEXT
            )
            """,
            "CREATE INDEX runs_by_start ON runs (started_utc DESC, id DESC)",
            """
            CREATE TABLE sensors (
                run_id      TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                sensor_id   TEXT NOT NULL,
                kind        TEXT NOT NULL,
                device      TEXT NOT NULL,
                provenance  TEXT NOT NULL CHECK (provenance IN ('measured', 'modelled')),
                description TEXT NOT NULL,
                PRIMARY KEY (run_id, sensor_id)
            )
            """,
            """
            CREATE TABLE samples (
                run_id        TEXT NOT NULL,
                sensor_id     TEXT NOT NULL,
                offset_s      REAL NOT NULL CHECK (offset_s >= 0),
                energy_j      REAL CHECK (energy_j >= 0),
                power_w       REAL CHECK (power_w >= 0),
                temperature_c REAL,
                utilisation   REAL CHECK (utilisation BETWEEN 0 AND 1),
                PRIMARY KEY (run_id, sensor_id, offset_s),
                FOREIGN KEY (run_id, sensor_id) REFERENCES sensors (run_id, sensor_id) ON DELETE CASCADE
            )
            """,
        ]),
        new(2, "unavailable sensors and idle baselines",
        [
            // Schema 1's CHECK allows only 'measured' and 'modelled', and SQLite cannot change a CHECK without
            // rebuilding the table (and samples refer to it): a sensor that gave no figure is marked by this column,
            // which is what counts; its provenance column keeps 'measured'.
            "ALTER TABLE sensors ADD COLUMN available INTEGER NOT NULL DEFAULT 1 CHECK (available IN (0, 1))",
            // Schema 1 wrote such sensors with a description starting 'unavailable: ' (cradle measure's format).
            "UPDATE sensors SET available = 0 WHERE description LIKE 'unavailable: %'",
            """
            CREATE TABLE idle_baselines (
                run_id     TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                sensor_id  TEXT NOT NULL,
                duration_s REAL NOT NULL CHECK (duration_s > 0),
                energy_j   REAL NOT NULL CHECK (energy_j >= 0),
                PRIMARY KEY (run_id, sensor_id)
            )
            """,
        ]),
        new(3, "batch jobs and imported runs",
        [
            // A job spans nodes: one run per node, read together by job id.
            "ALTER TABLE runs ADD COLUMN job_id TEXT",
            "CREATE INDEX runs_by_job ON runs (job_id)",
            // Null for runs cradle measure wrote; for an imported run, the record it came from. Unique, so importing
            // the same record twice is refused instead of counting its energy twice (NULLs do not collide).
            "ALTER TABLE runs ADD COLUMN origin TEXT",
            "CREATE UNIQUE INDEX runs_by_origin ON runs (origin)",
        ]),
        new(4, "devices a sensor covers",
        [
            // An imported total (CodeCarbon's GPU energy of 8 GPUs) is one sensor covering several devices.
            "ALTER TABLE sensors ADD COLUMN devices INTEGER NOT NULL DEFAULT 1 CHECK (devices >= 1)",
        ]),
        new(5, "studies and their assessments",
        [
            // A study is kept once per text: the hash is unique, so uploading the same file again finds the first.
            """
            CREATE TABLE studies (
                id           TEXT PRIMARY KEY NOT NULL,
                name         TEXT NOT NULL,
                text         TEXT NOT NULL,
                sha256       TEXT NOT NULL UNIQUE,
                bytes        INTEGER NOT NULL CHECK (bytes > 0),
                tool_version TEXT NOT NULL,
                uploaded_utc TEXT NOT NULL
            )
            """,
            "CREATE INDEX studies_by_upload ON studies (uploaded_utc DESC, id DESC)",
            // The results document (cradle.assessment/2) as written; the seed is an unsigned 64-bit number, kept as text.
            """
            CREATE TABLE assessments (
                id           TEXT PRIMARY KEY NOT NULL,
                study_id     TEXT NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
                results      TEXT NOT NULL,
                bytes        INTEGER NOT NULL CHECK (bytes > 0),
                iterations   INTEGER CHECK (iterations >= 1),
                seed         TEXT,
                tool_version TEXT NOT NULL,
                created_utc  TEXT NOT NULL
            )
            """,
            "CREATE INDEX assessments_by_study ON assessments (study_id, created_utc DESC, id DESC)",
        ]),
        new(6, "run tags",
        [
            // A run's labels (baseline, team=nlp), kept in the order given; runs are filtered by exact tag.
            """
            CREATE TABLE run_tags (
                run_id  TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                tag     TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 64),
                ordinal INTEGER NOT NULL,
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
                name           TEXT NOT NULL,
                version        TEXT NOT NULL,
                package_sha256 TEXT NOT NULL,
                source         TEXT NOT NULL,
                imported_with  TEXT NOT NULL,
                imported_at    TEXT NOT NULL,
                content        BLOB NOT NULL,
                size           INTEGER NOT NULL CHECK (size > 0),
                PRIMARY KEY (name, version)
            )
            """,
        ]),
    ];

    /// <summary>The newest version this code knows.</summary>
    public static int LatestVersion => All[^1].Version;
}
