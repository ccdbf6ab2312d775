import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Human review: sampling plans and their runs, review assignments, evaluations with append-only
 * revisions, events and auto-agreement records, disputes, calibration sessions, agents' leave, and the
 * complaint and survey signals that targeted sampling rules read.
 */
export class ReviewWorkflow1795867454855 implements MigrationInterface {
  name = 'ReviewWorkflow1795867454855';

  public async up(q: QueryRunner): Promise<void> {
    // The current auto-score on the recording itself, so sampling reads one row per call.
    await q.query(`ALTER TABLE recordings ADD COLUMN auto_score_percent numeric(5,2), ADD COLUMN auto_critical_failed boolean`);
    await q.query(`
      UPDATE recordings r SET auto_score_percent = s.percent, auto_critical_failed = s.critical_failed
      FROM (SELECT DISTINCT ON (recording_id) recording_id, percent, critical_failed FROM auto_scores ORDER BY recording_id, created_at DESC, id DESC) s
      WHERE s.recording_id = r.id`);

    await q.query(`
      CREATE FUNCTION refuse_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`);

    await q.query(`
      CREATE TABLE complaints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recording_id uuid REFERENCES recordings(id) ON DELETE SET NULL,
        agent_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        received_at timestamptz NOT NULL,
        summary text NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX complaints_recording_idx ON complaints (recording_id) WHERE recording_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE survey_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recording_id uuid NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        csat smallint CHECK (csat BETWEEN 1 AND 5),
        nps smallint CHECK (nps BETWEEN 0 AND 10),
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX survey_responses_recording_idx ON survey_responses (recording_id)`);

    await q.query(`
      CREATE TABLE agent_leaves (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agent_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        note text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX agent_leaves_agent_idx ON agent_leaves (agent_id, starts_on)`);

    await q.query(`CREATE TYPE sampling_period AS ENUM ('day', 'week', 'month')`);
    await q.query(`
      CREATE TABLE sampling_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        description text,
        period sampling_period NOT NULL,
        quota_per_agent integer NOT NULL CHECK (quota_per_agent BETWEEN 0 AND 1000),
        min_duration_sec integer NOT NULL DEFAULT 0 CHECK (min_duration_sec >= 0),
        team_ids uuid[] NOT NULL DEFAULT '{}',
        targeted_rules jsonb NOT NULL DEFAULT '[]'::jsonb,
        reviewer_ids uuid[] NOT NULL DEFAULT '{}',
        avoid_own_supervisor boolean NOT NULL DEFAULT true,
        schedule_enabled boolean NOT NULL DEFAULT false,
        archived_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE sampling_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES sampling_plans(id) ON DELETE CASCADE,
        trigger text NOT NULL CHECK (trigger IN ('manual', 'schedule')),
        seed text NOT NULL,
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        plan_snapshot jsonb NOT NULL,
        requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
        candidates integer NOT NULL,
        eligible integer NOT NULL,
        picked integer NOT NULL,
        unassigned integer NOT NULL,
        exclusions jsonb NOT NULL,
        agents jsonb NOT NULL,
        duration_ms integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (period_end > period_start)
      )`);
    await q.query(`CREATE INDEX sampling_runs_plan_idx ON sampling_runs (plan_id, created_at DESC)`);
    // A schedule runs a plan once per period, however many workers fire.
    await q.query(`CREATE UNIQUE INDEX sampling_runs_one_scheduled ON sampling_runs (plan_id, period_start) WHERE trigger = 'schedule'`);

    await q.query(`CREATE TYPE assignment_status AS ENUM ('open', 'in_progress', 'completed', 'cancelled')`);
    await q.query(`
      CREATE TABLE review_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recording_id uuid NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        agent_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        reviewer_id uuid REFERENCES users(id) ON DELETE SET NULL,
        plan_id uuid REFERENCES sampling_plans(id) ON DELETE SET NULL,
        run_id uuid REFERENCES sampling_runs(id) ON DELETE SET NULL,
        reason jsonb NOT NULL,
        also_matched jsonb NOT NULL DEFAULT '[]'::jsonb,
        status assignment_status NOT NULL DEFAULT 'open',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Never the same call twice: a cancelled assignment frees the call again.
    await q.query(`CREATE UNIQUE INDEX review_assignments_one_per_call ON review_assignments (recording_id) WHERE status <> 'cancelled'`);
    await q.query(`CREATE INDEX review_assignments_reviewer_idx ON review_assignments (reviewer_id, status)`);
    await q.query(`CREATE INDEX review_assignments_run_idx ON review_assignments (run_id)`);

    await q.query(`CREATE TYPE evaluation_state AS ENUM ('draft', 'submitted', 'acknowledged', 'disputed', 'resolved')`);
    await q.query(`
      CREATE TABLE evaluations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid UNIQUE REFERENCES review_assignments(id) ON DELETE SET NULL,
        recording_id uuid NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        agent_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        reviewer_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        scorecard_version_id uuid NOT NULL REFERENCES scorecard_versions(id) ON DELETE RESTRICT,
        auto_score_id uuid REFERENCES auto_scores(id) ON DELETE SET NULL,
        state evaluation_state NOT NULL DEFAULT 'draft',
        draft jsonb NOT NULL DEFAULT '{}'::jsonb,
        revision integer NOT NULL DEFAULT 0,
        percent numeric(5,2),
        critical_failed boolean,
        submitted_at timestamptz,
        dispute_deadline timestamptz,
        acknowledged_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX evaluations_agent_idx ON evaluations (agent_id, submitted_at DESC)`);
    await q.query(`CREATE INDEX evaluations_reviewer_idx ON evaluations (reviewer_id, state)`);
    await q.query(`CREATE INDEX evaluations_recording_idx ON evaluations (recording_id)`);
    await q.query(`
      CREATE TABLE evaluation_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        evaluation_id uuid NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        revision integer NOT NULL CHECK (revision > 0),
        answers jsonb NOT NULL,
        overrides jsonb NOT NULL,
        comments jsonb NOT NULL,
        summary text,
        breakdown jsonb NOT NULL,
        percent numeric(5,2),
        critical_failed boolean NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (evaluation_id, revision)
      )`);
    await q.query(`
      CREATE TABLE evaluation_events (
        id bigserial PRIMARY KEY,
        evaluation_id uuid NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        type text NOT NULL,
        actor_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX evaluation_events_evaluation_idx ON evaluation_events (evaluation_id, id)`);
    await q.query(`
      CREATE TABLE auto_agreements (
        evaluation_id uuid NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        revision integer NOT NULL,
        criterion_id text NOT NULL,
        recording_id uuid NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        auto_answer jsonb NOT NULL,
        human_answer jsonb NOT NULL,
        agreed boolean NOT NULL,
        evaluated_at timestamptz NOT NULL,
        PRIMARY KEY (evaluation_id, revision, criterion_id)
      )`);
    await q.query(`CREATE INDEX auto_agreements_evaluated_idx ON auto_agreements (evaluated_at)`);
    await q.query(`
      CREATE TABLE evaluation_disputes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        evaluation_id uuid NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        raised_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        criteria text[] NOT NULL,
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'amended')),
        assignee_id uuid REFERENCES users(id) ON DELETE SET NULL,
        resolved_by uuid REFERENCES users(id) ON DELETE SET NULL,
        resolution_note text,
        amended_revision integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX evaluation_disputes_one_open ON evaluation_disputes (evaluation_id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX evaluation_disputes_assignee_idx ON evaluation_disputes (assignee_id, status)`);
    for (const table of ['evaluation_revisions', 'evaluation_events', 'auto_agreements']) {
      await q.query(`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only()`);
    }

    await q.query(`
      CREATE TABLE review_settings (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        dispute_window_hours integer NOT NULL DEFAULT 168 CHECK (dispute_window_hours BETWEEN 0 AND 8760),
        dispute_routing text NOT NULL DEFAULT 'other_reviewer' CHECK (dispute_routing IN ('other_reviewer', 'dispute_team')),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO review_settings (id) VALUES (1)`);

    await q.query(`
      CREATE TABLE calibration_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        lead_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        scorecard_version_id uuid NOT NULL REFERENCES scorecard_versions(id) ON DELETE RESTRICT,
        deadline timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        closed_at timestamptz,
        closed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        results jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE calibration_recordings (
        session_id uuid NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
        recording_id uuid NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        position integer NOT NULL,
        PRIMARY KEY (session_id, recording_id)
      )`);
    await q.query(`
      CREATE TABLE calibration_participants (
        session_id uuid NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (session_id, reviewer_id)
      )`);
    await q.query(`CREATE INDEX calibration_participants_reviewer_idx ON calibration_participants (reviewer_id)`);
    await q.query(`
      CREATE TABLE calibration_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
        recording_id uuid NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        is_reference boolean NOT NULL DEFAULT false,
        answers jsonb NOT NULL,
        percent numeric(5,2),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (session_id, recording_id, reviewer_id, is_reference)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calibration_responses`);
    await q.query(`DROP TABLE calibration_participants`);
    await q.query(`DROP TABLE calibration_recordings`);
    await q.query(`DROP TABLE calibration_sessions`);
    await q.query(`DROP TABLE review_settings`);
    await q.query(`DROP TABLE evaluation_disputes`);
    await q.query(`DROP TABLE auto_agreements`);
    await q.query(`DROP TABLE evaluation_events`);
    await q.query(`DROP TABLE evaluation_revisions`);
    await q.query(`DROP TABLE evaluations`);
    await q.query(`DROP TYPE evaluation_state`);
    await q.query(`DROP TABLE review_assignments`);
    await q.query(`DROP TYPE assignment_status`);
    await q.query(`DROP TABLE sampling_runs`);
    await q.query(`DROP TABLE sampling_plans`);
    await q.query(`DROP TYPE sampling_period`);
    await q.query(`DROP TABLE agent_leaves`);
    await q.query(`DROP TABLE survey_responses`);
    await q.query(`DROP TABLE complaints`);
    await q.query(`DROP FUNCTION refuse_change_append_only`);
    await q.query(`ALTER TABLE recordings DROP COLUMN auto_critical_failed, DROP COLUMN auto_score_percent`);
  }
}
