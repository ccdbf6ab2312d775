import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention and privacy: legal hold and what was deleted on each recording, versioned retention
 * settings, an append-only purge log and erasure reports, and scheduled work as an audit actor.
 */
export class RetentionAndPrivacy1796221610485 implements MigrationInterface {
  name = 'RetentionAndPrivacy1796221610485';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE recordings
        ADD COLUMN legal_hold boolean NOT NULL DEFAULT false,
        ADD COLUMN legal_hold_reason text,
        ADD COLUMN audio_purged_at timestamptz,
        ADD COLUMN transcript_purged_at timestamptz,
        ADD COLUMN scores_purged_at timestamptz,
        ADD COLUMN erased_at timestamptz`);
    // The purge scans only calls that still hold something and are not on hold.
    await q.query(`
      CREATE INDEX recordings_retention_idx ON recordings (started_at, id)
       WHERE NOT legal_hold AND (audio_purged_at IS NULL OR transcript_purged_at IS NULL OR scores_purged_at IS NULL)`);
    await q.query(`CREATE INDEX recordings_customer_number_idx ON recordings (customer_number) WHERE customer_number IS NOT NULL`);
    await q.query(`CREATE INDEX recordings_storage_key_idx ON recordings (storage_key)`);
    await q.query(`CREATE INDEX recordings_redacted_storage_key_idx ON recordings (redacted_storage_key) WHERE redacted_storage_key IS NOT NULL`);

    await q.query(`
      CREATE TABLE retention_settings_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version integer NOT NULL UNIQUE,
        audio_days integer CHECK (audio_days BETWEEN 1 AND 36500),
        transcript_days integer CHECK (transcript_days BETWEEN 1 AND 36500),
        score_days integer CHECK (score_days BETWEEN 1 AND 36500),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO retention_settings_versions (version, audio_days, transcript_days, score_days) VALUES (1, 90, 365, NULL)`);

    await q.query(`
      CREATE TABLE purge_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        run_id uuid NOT NULL,
        cause text NOT NULL CHECK (cause IN ('retention', 'erasure')),
        recording_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('audio', 'redacted_audio', 'transcript', 'scores', 'personal_data')),
        storage_key text,
        bytes bigint,
        note text
      )`);
    await q.query(`CREATE INDEX purge_log_recording_idx ON purge_log (recording_id)`);
    await q.query(`CREATE INDEX purge_log_at_idx ON purge_log (at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE erasures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        customer_number_sha256 char(64) NOT NULL,
        report jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX erasures_customer_idx ON erasures (customer_number_sha256)`);

    for (const table of ['retention_settings_versions', 'purge_log', 'erasures']) {
      await q.query(`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only()`);
    }

    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_actor_type_check`);
    await q.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_actor_type_check CHECK (actor_type IN ('user', 'api_key', 'system'))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_actor_type_check`);
    await q.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_actor_type_check CHECK (actor_type IN ('user', 'api_key')) NOT VALID`);
    await q.query(`DROP TABLE erasures`);
    await q.query(`DROP TABLE purge_log`);
    await q.query(`DROP TABLE retention_settings_versions`);
    await q.query(`DROP INDEX recordings_redacted_storage_key_idx`);
    await q.query(`DROP INDEX recordings_storage_key_idx`);
    await q.query(`DROP INDEX recordings_customer_number_idx`);
    await q.query(`DROP INDEX recordings_retention_idx`);
    await q.query(`
      ALTER TABLE recordings
        DROP COLUMN erased_at, DROP COLUMN scores_purged_at, DROP COLUMN transcript_purged_at,
        DROP COLUMN audio_purged_at, DROP COLUMN legal_hold_reason, DROP COLUMN legal_hold`);
  }
}
