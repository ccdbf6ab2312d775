import { MigrationInterface, QueryRunner } from 'typeorm';

/** The auditor role, the client's user agent on audit events, and indexes for reading the log by time and action. */
export class AuditLogReaders1796221406163 implements MigrationInterface {
  name = 'AuditLogReaders1796221406163';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE user_role ADD VALUE IF NOT EXISTS 'auditor'`);
    await q.query(`ALTER TABLE audit_events ADD COLUMN user_agent text`);
    await q.query(`CREATE INDEX audit_events_at_idx ON audit_events (at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_events_action_at_idx ON audit_events (action, at DESC)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_action_at_idx`);
    await q.query(`DROP INDEX audit_events_at_idx`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN user_agent`);
    // PostgreSQL cannot drop an enum value: rebuild the type without it (refused while auditors exist).
    await q.query(`ALTER TYPE user_role RENAME TO user_role_with_auditor`);
    await q.query(`CREATE TYPE user_role AS ENUM ('admin', 'qa_supervisor', 'agent', 'dispute_team', 'trainer')`);
    await q.query(`ALTER TABLE users ALTER COLUMN role TYPE user_role USING role::text::user_role`);
    await q.query(`DROP TYPE user_role_with_auditor`);
  }
}
