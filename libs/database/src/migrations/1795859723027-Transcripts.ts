import { MigrationInterface, QueryRunner } from 'typeorm';

export class Transcripts1795859723027 implements MigrationInterface {
  name = 'Transcripts1795859723027';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE transcripts (
        recording_id uuid PRIMARY KEY REFERENCES recordings(id) ON DELETE CASCADE,
        source text NOT NULL CHECK (source IN ('engine', 'supplied')),
        engine text NOT NULL,
        language text,
        segments jsonb NOT NULL,
        facts jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Each admin retry gets a job id of its own: BullMQ keeps failed jobs under their id.
    await q.query(`ALTER TABLE recordings ADD COLUMN transcription_retries integer NOT NULL DEFAULT 0`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE recordings DROP COLUMN transcription_retries`);
    await q.query(`DROP TABLE transcripts`);
  }
}
