-- Cluster membership for Microsoft.Orleans.Clustering.AdoNet.
--
-- One version row per cluster (deployment) guards every membership change: a writer sends the
-- version it read, and the change applies only when the stored version still equals it, bumping
-- it in the same statement. Heartbeats touch only the member row and never the version.

CREATE TABLE IF NOT EXISTS mimo_cluster_version (
    deployment_id text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT mimo_cluster_version_pk PRIMARY KEY (deployment_id),
    CONSTRAINT mimo_cluster_version_not_negative CHECK (version >= 0)
);

CREATE TABLE IF NOT EXISTS mimo_cluster_member (
    deployment_id   text        NOT NULL,
    address         varchar(45) NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer,
    suspect_times   text,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT mimo_cluster_member_pk PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT mimo_cluster_member_version_fk FOREIGN KEY (deployment_id)
        REFERENCES mimo_cluster_version (deployment_id) ON DELETE CASCADE
);

INSERT INTO orleansquery (querykey, querytext) VALUES

('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO mimo_cluster_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created);
$sql$),

('MembershipReadAllKey', $sql$
SELECT v.version         AS Version,
       m.address         AS Address,
       m.port            AS Port,
       m.generation      AS Generation,
       m.silo_name       AS SiloName,
       m.host_name       AS HostName,
       m.status          AS Status,
       m.proxy_port      AS ProxyPort,
       m.suspect_times   AS SuspectTimes,
       m.start_time      AS StartTime,
       m.i_am_alive_time AS IAmAliveTime
FROM mimo_cluster_version v
LEFT JOIN mimo_cluster_member m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
$sql$),

('MembershipReadRowKey', $sql$
SELECT v.version         AS Version,
       m.address         AS Address,
       m.port            AS Port,
       m.generation      AS Generation,
       m.silo_name       AS SiloName,
       m.host_name       AS HostName,
       m.status          AS Status,
       m.proxy_port      AS ProxyPort,
       m.suspect_times   AS SuspectTimes,
       m.start_time      AS StartTime,
       m.i_am_alive_time AS IAmAliveTime
FROM mimo_cluster_version v
LEFT JOIN mimo_cluster_member m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address
      AND m.port = @Port
      AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId;
$sql$),

-- The version row is locked by the conditional update, so concurrent writers queue behind it and
-- all but the first find the version moved. A duplicate member key fails the whole statement.
('InsertMembershipKey', $sql$
WITH bumped AS (
    UPDATE mimo_cluster_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = @DeploymentId
      AND version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM mimo_cluster_member
          WHERE deployment_id = @DeploymentId
            AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), inserted AS (
    INSERT INTO mimo_cluster_member (
        deployment_id, address, port, generation, silo_name, host_name,
        status, proxy_port, suspect_times, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, NULL, @StartTime, @IAmAliveTime
    FROM bumped
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted);
$sql$),

('UpdateMembershipKey', $sql$
WITH bumped AS (
    UPDATE mimo_cluster_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = @DeploymentId
      AND version = @Version
      AND EXISTS (
          SELECT 1 FROM mimo_cluster_member
          WHERE deployment_id = @DeploymentId
            AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), updated AS (
    UPDATE mimo_cluster_member m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM bumped b
    WHERE m.deployment_id = b.deployment_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM updated);
$sql$),

('UpdateIAmAlivetimeKey', $sql$
UPDATE mimo_cluster_member
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId
  AND address = @Address AND port = @Port AND generation = @Generation;
$sql$),

('GatewaysQueryKey', $sql$
SELECT address    AS Address,
       proxy_port AS ProxyPort,
       generation AS Generation
FROM mimo_cluster_member
WHERE deployment_id = @DeploymentId
  AND status = @Status
  AND proxy_port > 0;
$sql$),

('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM mimo_cluster_member WHERE deployment_id = @DeploymentId;
DELETE FROM mimo_cluster_version WHERE deployment_id = @DeploymentId;
$sql$),

-- Used only when CleanupDefunctSiloEntryKey is absent. A dead member goes when its start, its last
-- heartbeat and every suspicion vote against it ("addr:port@gen,yyyy-MM-dd HH:mm:ss.fff GMT",
-- separated by "|") are older than the cutoff.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM mimo_cluster_member m
WHERE m.deployment_id = @DeploymentId
  AND m.status = 6
  AND m.start_time < @IAmAliveTime
  AND m.i_am_alive_time < @IAmAliveTime
  AND NOT EXISTS (
      SELECT 1
      FROM unnest(string_to_array(coalesce(m.suspect_times, ''), '|')) AS vote(entry)
      WHERE btrim(vote.entry) <> ''
        AND (replace(split_part(vote.entry, ',', 2), ' GMT', '')::timestamp AT TIME ZONE 'UTC')
            >= @IAmAliveTime);
$sql$),

-- The provider picks the dead rows itself and deletes each one only if it is unchanged since it
-- read it. It sends NULL for "no votes", which must match a stored NULL or empty text.
('CleanupDefunctSiloEntryKey', $sql$
DELETE FROM mimo_cluster_member
WHERE deployment_id = @DeploymentId
  AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6
  AND start_time = @StartTime
  AND i_am_alive_time = @IAmAliveTime
  AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '');
$sql$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
