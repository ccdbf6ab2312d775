import { MigrationInterface, QueryRunner } from 'typeorm';

/** Audit events with no signed-in actor (a login lockout): actor_type 'anonymous' and no actor id. */
export class AnonymousAuditActor1796222452454 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_actor_type_check`);
    await q.query(`ALTER TABLE audit_events ALTER COLUMN actor_id DROP NOT NULL`);
    await q.query(`
      ALTER TABLE audit_events ADD CONSTRAINT audit_events_actor_check CHECK (
        (actor_type IN ('user', 'api_key', 'system') AND actor_id IS NOT NULL) OR (actor_type = 'anonymous' AND actor_id IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Anonymous rows cannot satisfy the old constraint, and the log is append-only: refuse rather than lose them.
    const [{ n }] = (await q.query(`SELECT count(*)::int AS n FROM audit_events WHERE actor_type = 'anonymous'`)) as { n: number }[];
    if (n > 0) throw new Error(`${n} anonymous audit events exist; the audit log is append-only, so this migration cannot be undone`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_actor_check`);
    await q.query(`ALTER TABLE audit_events ALTER COLUMN actor_id SET NOT NULL`);
    await q.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_actor_type_check CHECK (actor_type IN ('user', 'api_key', 'system'))`);
  }
}
