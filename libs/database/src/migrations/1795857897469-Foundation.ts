import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795857897469 implements MigrationInterface {
  name = 'Foundation1795857897469';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE user_role AS ENUM ('admin', 'qa_supervisor', 'agent', 'dispute_team', 'trainer')`);
    await q.query(`CREATE TYPE recording_status AS ENUM ('received', 'queued', 'transcribing', 'transcribed', 'scoring', 'scored', 'failed')`);
    await q.query(`CREATE TYPE call_direction AS ENUM ('inbound', 'outbound')`);
    await q.query(`CREATE TYPE channel_layout AS ENUM ('mono', 'agent-left', 'agent-right')`);

    await q.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role user_role NOT NULL,
        external_id text,
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_lower CHECK (email = lower(email))
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q.query(`CREATE UNIQUE INDEX users_external_id_key ON users (external_id) WHERE external_id IS NOT NULL`);
    await q.query(`CREATE INDEX users_team_id_idx ON users (team_id)`);
    await q.query(`
      CREATE TABLE team_supervisors (
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (team_id, user_id)
      )`);
    await q.query(`CREATE INDEX team_supervisors_user_id_idx ON team_supervisors (user_id)`);

    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        prefix text NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);

    await q.query(`
      CREATE TABLE recordings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        external_id text NOT NULL UNIQUE,
        agent_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        started_at timestamptz NOT NULL,
        direction call_direction NOT NULL,
        channel_layout channel_layout NOT NULL,
        queue text,
        customer_number text,
        tags jsonb NOT NULL DEFAULT '{}'::jsonb,
        sha256 char(64) NOT NULL,
        storage_key text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        container text NOT NULL,
        codec text NOT NULL,
        duration_ms integer NOT NULL CHECK (duration_ms > 0),
        channels smallint NOT NULL CHECK (channels > 0),
        sample_rate integer NOT NULL CHECK (sample_rate > 0),
        status recording_status NOT NULL DEFAULT 'received',
        failure_reason text,
        uploaded_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        uploaded_by_api_key_id uuid REFERENCES api_keys(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX recordings_agent_started_idx ON recordings (agent_id, started_at DESC)`);
    await q.query(`CREATE INDEX recordings_team_started_idx ON recordings (team_id, started_at DESC)`);
    await q.query(`CREATE INDEX recordings_started_idx ON recordings (started_at DESC, id)`);
    await q.query(`CREATE INDEX recordings_status_idx ON recordings (status)`);
    await q.query(`CREATE INDEX recordings_sha256_idx ON recordings (sha256)`);
    await q.query(`CREATE INDEX recordings_api_key_idx ON recordings (uploaded_by_api_key_id) WHERE uploaded_by_api_key_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE outbox_messages (
        id bigserial PRIMARY KEY,
        queue text NOT NULL,
        job_name text NOT NULL,
        job_id text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_messages_pending_idx ON outbox_messages (id) WHERE dispatched_at IS NULL`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key')),
        actor_id uuid NOT NULL,
        action text NOT NULL,
        resource_type text NOT NULL,
        resource_id text NOT NULL,
        ip text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX audit_events_resource_idx ON audit_events (resource_type, resource_id)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, at DESC)`);
    // The audit log is append-only: refuse updates and deletes at the database.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only`);
    await q.query(`DROP TABLE outbox_messages`);
    await q.query(`DROP TABLE recordings`);
    await q.query(`DROP TABLE api_keys`);
    await q.query(`DROP TABLE team_supervisors`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE teams`);
    await q.query(`DROP TYPE channel_layout`);
    await q.query(`DROP TYPE call_direction`);
    await q.query(`DROP TYPE recording_status`);
    await q.query(`DROP TYPE user_role`);
  }
}
