-- Grain state for Microsoft.Orleans.Persistence.AdoNet.
--
-- A row is one grain's state under one state name. Its identity is everything the provider sends
-- about the grain; the unique index enforces "at most one row" (NULL extensions compare equal), so
-- two first writes racing each other end in one row and one version conflict. The version is the
-- ETag: every write names the version it read and succeeds only if it is still the stored one.

CREATE TABLE IF NOT EXISTS mimo_grain_state (
    service_id         text        NOT NULL,
    grain_type_hash    integer     NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_hash      integer     NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text,
    payload            bytea,
    version            integer     NOT NULL,
    modified_at        timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX IF NOT EXISTS mimo_grain_state_identity
    ON mimo_grain_state (
        grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1,
        grain_type, grain_id_extension)
    NULLS NOT DISTINCT;

-- Versions are 32-bit ETags that must change on every write; after the largest they start again.
CREATE OR REPLACE FUNCTION mimo_next_version(current_version integer) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN current_version >= 2147483647 THEN 1 ELSE current_version + 1 END;

INSERT INTO orleansquery (querykey, querytext) VALUES

('ReadFromStorageKey', $sql$
SELECT payload AS PayloadBinary,
       version AS Version
FROM mimo_grain_state
WHERE grain_id_hash = @GrainIdHash
  AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_type = @GrainTypeString
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString;
$sql$),

-- A NULL version is a first write: it inserts, or returns nothing when the row exists already.
-- Otherwise the update applies only to the version the caller read. No row back is a conflict.
('WriteToStorageKey', $sql$
WITH inserted AS (
    INSERT INTO mimo_grain_state (
        service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0, grain_id_n1,
        grain_id_extension, payload, version)
    SELECT @ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0, @GrainIdN1,
           @GrainIdExtensionString, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
), updated AS (
    UPDATE mimo_grain_state
    SET payload = @PayloadBinary, version = mimo_next_version(version), modified_at = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND grain_id_hash = @GrainIdHash
      AND grain_type_hash = @GrainTypeHash
      AND service_id = @ServiceId
      AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1
      AND grain_type = @GrainTypeString
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT version AS NewGrainStateVersion FROM inserted
UNION ALL
SELECT version FROM updated;
$sql$),

('ClearStorageKey', $sql$
UPDATE mimo_grain_state
SET payload = NULL, version = mimo_next_version(version), modified_at = now()
WHERE grain_id_hash = @GrainIdHash
  AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_type = @GrainTypeString
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion;
$sql$),

-- Deleting returns a value that differs from the version sent, which is how the provider tells
-- success from a conflict (no row).
('DeleteStorageKey', $sql$
DELETE FROM mimo_grain_state
WHERE grain_id_hash = @GrainIdHash
  AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_type = @GrainTypeString
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING mimo_next_version(version) AS DeletedVersion;
$sql$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
