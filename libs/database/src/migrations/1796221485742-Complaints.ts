import { MigrationInterface, QueryRunner } from 'typeorm';

const CATEGORIES: [key: string, en: string, zh: string][] = [
  ['rudeness', 'Rudeness', '态度恶劣'],
  ['wrong_information', 'Wrong information', '信息错误'],
  ['long_wait', 'Long wait', '等待时间过长'],
  ['not_resolved', 'Not resolved', '问题未解决'],
  ['privacy', 'Privacy', '隐私问题'],
  ['billing', 'Billing', '账单问题'],
  ['low_satisfaction', 'Low satisfaction', '满意度低'],
];

/**
 * Complaints become cases: channel, customer reference, category, severity, a state with a version
 * for optimistic concurrency, deadlines and breaches, the outcome; admin-configured categories with
 * Chinese and English labels; an append-only history; company complaint settings (deadlines per
 * severity, business hours, reopen window). Outbox messages may carry the time their job is due, so
 * deadline timers are delayed jobs written in the same transaction as the complaint.
 */
export class Complaints1796221485742 implements MigrationInterface {
  name = 'Complaints1796221485742';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_messages ADD COLUMN deliver_at timestamptz`);

    await q.query(`
      CREATE TABLE complaint_categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9_]{0,49}$'),
        label_en text NOT NULL,
        label_zh text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const [i, [key, en, zh]] of CATEGORIES.entries()) {
      await q.query(`INSERT INTO complaint_categories (key, label_en, label_zh, position) VALUES ($1, $2, $3, $4)`, [key, en, zh, i + 1]);
    }

    await q.query(`ALTER TABLE complaints RENAME COLUMN summary TO description`);
    await q.query(`
      ALTER TABLE complaints
        ADD COLUMN external_id text,
        ADD COLUMN client_id uuid,
        ADD COLUMN request_hash text,
        ADD COLUMN channel text NOT NULL DEFAULT 'other' CHECK (channel IN ('phone', 'email', 'web', 'survey', 'other')),
        ADD COLUMN customer_reference text,
        ADD COLUMN category_id uuid REFERENCES complaint_categories(id) ON DELETE RESTRICT,
        ADD COLUMN severity text NOT NULL DEFAULT 'medium' CHECK (severity IN ('low', 'medium', 'high', 'critical')),
        ADD COLUMN state text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'triaged', 'investigating', 'escalated', 'resolved', 'closed', 'reopened')),
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        ADD COLUMN assignee_id uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN created_by_api_key uuid REFERENCES api_keys(id) ON DELETE SET NULL,
        ADD COLUMN first_response_due_at timestamptz,
        ADD COLUMN resolution_due_at timestamptz,
        ADD COLUMN first_responded_at timestamptz,
        ADD COLUMN escalated_at timestamptz,
        ADD COLUMN resolved_at timestamptz,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN first_response_breached_at timestamptz,
        ADD COLUMN resolution_breached_at timestamptz,
        ADD COLUMN outcome text CHECK (outcome IN ('upheld', 'partly_upheld', 'not_upheld')),
        ADD COLUMN remedy text,
        ADD COLUMN customer_told text,
        ADD COLUMN agent_account text,
        ADD COLUMN agent_account_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`UPDATE complaints c SET team_id = u.team_id FROM users u WHERE u.id = c.agent_id`);
    // Idempotency: one complaint per client (user or API key) and external id.
    await q.query(`CREATE UNIQUE INDEX complaints_client_external_id ON complaints (client_id, external_id) WHERE external_id IS NOT NULL`);
    await q.query(`CREATE INDEX complaints_received_idx ON complaints (received_at)`);
    await q.query(`CREATE INDEX complaints_agent_idx ON complaints (agent_id, received_at)`);
    await q.query(`CREATE INDEX complaints_customer_reference_idx ON complaints (customer_reference) WHERE customer_reference IS NOT NULL`);
    // The dispute inbox: escalated complaints by the deadline that matters next.
    await q.query(`CREATE INDEX complaints_escalated_idx ON complaints (resolution_due_at, id) WHERE state = 'escalated'`);
    // The deadline sweep: complaints still open with a deadline not yet marked breached.
    await q.query(
      `CREATE INDEX complaints_pending_first_response_idx ON complaints (first_response_due_at) WHERE first_responded_at IS NULL AND first_response_breached_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX complaints_pending_resolution_idx ON complaints (resolution_due_at) WHERE resolved_at IS NULL AND resolution_breached_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE complaint_events (
        id bigserial PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
        type text NOT NULL,
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system')),
        actor_id uuid,
        from_state text,
        to_state text,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        note text,
        version integer NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX complaint_events_complaint_idx ON complaint_events (complaint_id, id)`);
    await q.query(
      `CREATE TRIGGER complaint_events_no_change BEFORE UPDATE OR DELETE ON complaint_events FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only()`,
    );

    await q.query(`
      CREATE TABLE complaint_settings (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        settings jsonb NOT NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint_settings`);
    await q.query(`DROP TABLE complaint_events`);
    await q.query(`DROP INDEX complaints_pending_resolution_idx`);
    await q.query(`DROP INDEX complaints_pending_first_response_idx`);
    await q.query(`DROP INDEX complaints_escalated_idx`);
    await q.query(`DROP INDEX complaints_customer_reference_idx`);
    await q.query(`DROP INDEX complaints_agent_idx`);
    await q.query(`DROP INDEX complaints_received_idx`);
    await q.query(`DROP INDEX complaints_client_external_id`);
    await q.query(`
      ALTER TABLE complaints
        DROP COLUMN external_id, DROP COLUMN client_id, DROP COLUMN request_hash, DROP COLUMN channel, DROP COLUMN customer_reference,
        DROP COLUMN category_id, DROP COLUMN severity, DROP COLUMN state, DROP COLUMN version, DROP COLUMN team_id, DROP COLUMN assignee_id,
        DROP COLUMN created_by_api_key, DROP COLUMN first_response_due_at, DROP COLUMN resolution_due_at, DROP COLUMN first_responded_at,
        DROP COLUMN escalated_at, DROP COLUMN resolved_at, DROP COLUMN closed_at, DROP COLUMN first_response_breached_at,
        DROP COLUMN resolution_breached_at, DROP COLUMN outcome, DROP COLUMN remedy, DROP COLUMN customer_told, DROP COLUMN agent_account,
        DROP COLUMN agent_account_at, DROP COLUMN updated_at`);
    await q.query(`ALTER TABLE complaints RENAME COLUMN description TO summary`);
    await q.query(`DROP TABLE complaint_categories`);
    await q.query(`ALTER TABLE outbox_messages DROP COLUMN deliver_at`);
  }
}
