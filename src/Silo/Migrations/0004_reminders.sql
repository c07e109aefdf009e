-- Reminders for Microsoft.Orleans.Reminders.AdoNet.
--
-- Each silo owns ranges of the grain-hash ring and reads its reminders by range, so the
-- (service_id, grain_hash) index keeps those reads from scanning every reminder of the service.
-- Ranges are compared in signed 32-bit space: exclusive at the start, inclusive at the end.

CREATE TABLE IF NOT EXISTS mimo_reminder (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    CONSTRAINT mimo_reminder_pk PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS mimo_reminder_ring ON mimo_reminder (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES

('ReadReminderRowsKey', $sql$
SELECT grain_id      AS GrainId,
       reminder_name AS ReminderName,
       start_time    AS StartTime,
       period_ms     AS Period,
       version       AS Version
FROM mimo_reminder
WHERE service_id = @ServiceId
  AND grain_id = @GrainId;
$sql$),

('ReadReminderRowKey', $sql$
SELECT grain_id      AS GrainId,
       reminder_name AS ReminderName,
       start_time    AS StartTime,
       period_ms     AS Period,
       version       AS Version
FROM mimo_reminder
WHERE service_id = @ServiceId
  AND grain_id = @GrainId
  AND reminder_name = @ReminderName;
$sql$),

-- A range that does not wrap: BeginHash < EndHash.
('ReadRangeRows1Key', $sql$
SELECT grain_id      AS GrainId,
       reminder_name AS ReminderName,
       start_time    AS StartTime,
       period_ms     AS Period,
       version       AS Version
FROM mimo_reminder
WHERE service_id = @ServiceId
  AND grain_hash > @BeginHash
  AND grain_hash <= @EndHash;
$sql$),

-- A range that wraps past the end of the ring (BeginHash >= EndHash; equal means the whole ring).
('ReadRangeRows2Key', $sql$
SELECT grain_id      AS GrainId,
       reminder_name AS ReminderName,
       start_time    AS StartTime,
       period_ms     AS Period,
       version       AS Version
FROM mimo_reminder
WHERE service_id = @ServiceId
  AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$sql$),

-- Every upsert returns a new version, the reminder's new ETag.
('UpsertReminderRowKey', $sql$
INSERT INTO mimo_reminder (
    service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = EXCLUDED.start_time,
    period_ms = EXCLUDED.period_ms,
    grain_hash = EXCLUDED.grain_hash,
    version = mimo_next_version(mimo_reminder.version)
RETURNING version AS Version;
$sql$),

('DeleteReminderRowKey', $sql$
WITH deleted AS (
    DELETE FROM mimo_reminder
    WHERE service_id = @ServiceId
      AND grain_id = @GrainId
      AND reminder_name = @ReminderName
      AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted);
$sql$),

('DeleteReminderRowsKey', $sql$
DELETE FROM mimo_reminder WHERE service_id = @ServiceId;
$sql$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
