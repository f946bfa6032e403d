namespace Argus.Storage.Schema;

/// <summary>
/// The schema, in order. Applied on open and recorded in <c>schema_migrations</c>; a released migration is never
/// edited, a change is a new one appended here.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "snapshots, raw documents, coverage gaps, inventory and findings", """
            -- A snapshot row is written when its import begins and marked committed when it ends, in the same
            -- transaction; readers only ever look at committed rows.
            CREATE TABLE snapshots (
                id {text} NOT NULL PRIMARY KEY,
                started_at {time} NOT NULL,
                finished_at {time},
                status {text} NOT NULL,
                source {text} NOT NULL,
                label {text},
                scopes {text} NOT NULL,
                documents BIGINT NOT NULL DEFAULT 0,
                assets BIGINT NOT NULL DEFAULT 0,
                relations BIGINT NOT NULL DEFAULT 0,
                committed INTEGER NOT NULL DEFAULT 0
            );

            -- resource is the empty string for operations called once rather than per resource, so the key has no NULL in it.
            -- codec says how body is kept (0 as is, 1 Brotli) and size is the original length.
            CREATE TABLE raw_documents (
                snapshot {text} NOT NULL,
                provider {text} NOT NULL,
                account {text} NOT NULL,
                region {text} NOT NULL,
                service {text} NOT NULL,
                operation {text} NOT NULL,
                resource {text} NOT NULL,
                codec INTEGER NOT NULL,
                size BIGINT NOT NULL,
                body {blob} NOT NULL,
                PRIMARY KEY (snapshot, provider, account, region, service, operation, resource)
            );

            CREATE TABLE coverage_gaps (
                snapshot {text} NOT NULL,
                seq INTEGER NOT NULL,
                provider {text} NOT NULL,
                account {text} NOT NULL,
                region {text} NOT NULL,
                service {text} NOT NULL,
                operation {text} NOT NULL,
                permission {text} NOT NULL,
                reason {text} NOT NULL,
                message {text} NOT NULL,
                PRIMARY KEY (snapshot, seq)
            );

            -- Only two indexes, because a million rows go in per import: the key, which also gives the ordinal
            -- id order diffs merge on, and the type, which most inventory queries filter on.
            CREATE TABLE assets (
                snapshot {text} NOT NULL,
                id {text} NOT NULL,
                type {text} NOT NULL,
                provider {text} NOT NULL,
                account {text} NOT NULL,
                region {text} NOT NULL,
                name {text} NOT NULL,
                tags {text} NOT NULL,
                properties {text} NOT NULL,
                PRIMARY KEY (snapshot, id)
            );
            CREATE INDEX assets_by_type ON assets (snapshot, type);

            CREATE TABLE relations (
                snapshot {text} NOT NULL,
                from_id {text} NOT NULL,
                to_id {text} NOT NULL,
                kind {text} NOT NULL,
                PRIMARY KEY (snapshot, from_id, to_id, kind)
            ){small_rows};

            -- One row per (check, resource) across all scans, so history outlives the snapshots it came from.
            CREATE TABLE findings (
                check_id {text} NOT NULL,
                resource_id {text} NOT NULL,
                provider {text} NOT NULL,
                account {text} NOT NULL,
                region {text} NOT NULL,
                status {text} NOT NULL,
                severity {text} NOT NULL,
                message {text} NOT NULL,
                evidence {text} NOT NULL,
                frameworks {text} NOT NULL,
                last_snapshot {text} NOT NULL,
                first_seen {time} NOT NULL,
                last_seen {time} NOT NULL,
                resolved_at {time},
                PRIMARY KEY (check_id, resource_id)
            );
            """),
    ];

    public static int Latest => All[^1].Version;
}
