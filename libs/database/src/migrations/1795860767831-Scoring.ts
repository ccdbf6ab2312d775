import { MigrationInterface, QueryRunner } from 'typeorm';

export class Scoring1795860767831 implements MigrationInterface {
  name = 'Scoring1795860767831';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scorecards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        description text,
        is_default boolean NOT NULL DEFAULT false,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX scorecards_one_default ON scorecards (is_default) WHERE is_default`);
    await q.query(`
      CREATE TABLE scorecard_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scorecard_id uuid NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version > 0),
        definition jsonb NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        first_used_at timestamptz,
        UNIQUE (scorecard_id, version)
      )`);
    await q.query(`
      CREATE TABLE scoring_settings_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version integer NOT NULL UNIQUE CHECK (version > 0),
        settings jsonb NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE auto_scores (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recording_id uuid NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        scorecard_version_id uuid NOT NULL REFERENCES scorecard_versions(id),
        settings_version_id uuid NOT NULL REFERENCES scoring_settings_versions(id),
        percent numeric(5,2) CHECK (percent BETWEEN 0 AND 100),
        critical_failed boolean NOT NULL,
        complete boolean NOT NULL,
        language text NOT NULL,
        criteria jsonb NOT NULL,
        breakdown jsonb NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('pipeline', 'rescore')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX auto_scores_recording_created_idx ON auto_scores (recording_id, created_at DESC)`);
    // Redaction: the spans muted in the audio, and the muted copy reviewers play.
    await q.query(`ALTER TABLE transcripts ADD COLUMN redactions jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(`ALTER TABLE recordings ADD COLUMN redacted_storage_key text`);
    await q.query(`ALTER TABLE recordings ADD COLUMN scoring_runs integer NOT NULL DEFAULT 0`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE recordings DROP COLUMN scoring_runs`);
    await q.query(`ALTER TABLE recordings DROP COLUMN redacted_storage_key`);
    await q.query(`ALTER TABLE transcripts DROP COLUMN redactions`);
    await q.query(`DROP TABLE auto_scores`);
    await q.query(`DROP TABLE scoring_settings_versions`);
    await q.query(`DROP TABLE scorecard_versions`);
    await q.query(`DROP TABLE scorecards`);
  }
}
