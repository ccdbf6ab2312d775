import { UserRole } from '@callgrade/database';
import { QueueName, redisOptionsFromUrl } from '@callgrade/queue';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { silence } from './support/audio-fixtures';
import { aUser, anAgent, TestUser, uniqueCallId } from './support/builders';
import { eventually } from './support/eventually';
import { conversation, GOOD_CALL } from './support/scored-calls';
import { startTestApp, TestApp } from './support/test-app';
import { TEST_ENV } from './test-environment';

/** The value of one series in Prometheus' text format, or undefined when it is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('Operations: request ids, health and metrics', () => {
  let sut: TestApp;
  let admin: TestUser;
  let agent: TestUser;

  beforeAll(async () => {
    sut = await startTestApp({ SCORING_WORKER_ENABLED: 'true' });
    admin = await aUser(sut, UserRole.Admin);
    agent = await anAgent(sut);
  });
  afterAll(() => sut.close());

  it("carries an upload's request id into its outbox row and its queued job", async () => {
    const requestId = `trace-${uniqueCallId()}`;

    const res = await sut.http
      .post('/api/v1/recordings')
      .set('Authorization', admin.auth)
      .set('X-Request-Id', requestId)
      .field({
        externalId: uniqueCallId(),
        agentId: agent.id,
        startedAt: new Date().toISOString(),
        direction: 'inbound',
        transcript: JSON.stringify(conversation(GOOD_CALL)),
      })
      .attach('file', silence(30))
      .expect(202);

    expect(res.headers['x-request-id']).toBe(requestId);
    const [row] = await sut.get(DataSource).query(`SELECT payload FROM outbox_messages WHERE job_id = $1`, [`${res.body.id}.score-recording`]);
    expect(row.payload).toEqual({ recordingId: res.body.id, requestId });
    const queue = new Queue(QueueName.Scoring, { connection: redisOptionsFromUrl(TEST_ENV.REDIS_URL) });
    try {
      const job = await eventually(async () => (await Job.fromId(queue, `${res.body.id}.score-recording`)) ?? false);
      expect(job.data).toEqual({ recordingId: res.body.id, requestId });
    } finally {
      await queue.close();
    }
  });

  it('gives a request without an id a new one, and says it in the response', async () => {
    const a = await sut.http.get('/api/v1/health').expect(200);
    const b = await sut.http.get('/api/v1/health').set('X-Request-Id', 'not a valid id').expect(200);

    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('checks health through terminus, keeping the checks and queue depths clients already read', async () => {
    const res = await sut.http.get('/api/v1/health').expect(200);

    expect(res.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
      error: {},
      checks: { database: { status: 'up', latencyMs: expect.any(Number) }, redis: { status: 'up' } },
      outboxPending: expect.any(Number),
      queues: { scoring: { waiting: expect.any(Number), failed: expect.any(Number) } },
    });
  });

  it('serves Prometheus metrics to this machine: HTTP latency by route, uploads, queues and job durations', async () => {
    const before = (await sut.http.get('/metrics').expect(200)).text;
    const uploadsBefore = sample(before, 'callgrade_uploads_total{outcome="accepted"}') ?? 0;
    const scoredBefore = sample(before, 'callgrade_job_duration_seconds_count{queue="scoring",job="score-recording",outcome="completed"}') ?? 0;
    const res = await sut.http
      .post('/api/v1/recordings')
      .set('Authorization', admin.auth)
      .field({
        externalId: uniqueCallId(),
        agentId: agent.id,
        startedAt: new Date().toISOString(),
        direction: 'inbound',
        transcript: JSON.stringify(conversation(GOOD_CALL)),
      })
      .attach('file', silence(30))
      .expect(202);
    await sut.http.post('/api/v1/recordings').set('Authorization', admin.auth).field({ externalId: uniqueCallId() }).expect(422);
    await sut.http.get(`/api/v1/recordings/${res.body.id}`).set('Authorization', admin.auth).expect(200);

    const after = await eventually(async () => {
      const text = (await sut.http.get('/metrics').expect(200)).text;
      const scored = sample(text, 'callgrade_job_duration_seconds_count{queue="scoring",job="score-recording",outcome="completed"}') ?? 0;
      return scored > scoredBefore ? text : false;
    });

    expect(sample(after, 'callgrade_uploads_total{outcome="accepted"}')).toBe(uploadsBefore + 1);
    expect(sample(after, 'callgrade_uploads_total{outcome="refused"}')).toBeGreaterThanOrEqual(1);
    // One series per route template, whatever the id in the path.
    expect(
      sample(after, 'callgrade_http_request_duration_seconds_count{method="GET",route="/api/v1/recordings/:id",status_code="200"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(after).not.toContain(res.body.id);
    for (const state of ['waiting', 'active', 'delayed', 'failed'])
      expect(sample(after, `callgrade_queue_jobs{queue="transcription",state="${state}"}`)).toEqual(expect.any(Number));
    expect(sample(after, 'callgrade_queue_oldest_waiting_age_seconds{queue="scoring"}')).toBeGreaterThanOrEqual(0);
    expect(sample(after, 'callgrade_outbox_pending')).toBeGreaterThanOrEqual(0);
    expect(after).toContain('callgrade_process_cpu_seconds_total');
  });

  it('refuses /metrics through a proxy unless METRICS_TOKEN is set and sent', async () => {
    const refused = await sut.http.get('/metrics').set('X-Forwarded-For', '203.0.113.9').expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, message: expect.stringContaining('METRICS_TOKEN') });

    const withToken = await startTestApp({ METRICS_TOKEN: 'scrape-token-0123456789' });
    try {
      await withToken.http.get('/metrics').expect(401);
      await withToken.http.get('/metrics').set('Authorization', 'Bearer wrong-token-0123456789').expect(401);
      await withToken.http.get('/metrics').set('X-Forwarded-For', '203.0.113.9').set('Authorization', 'Bearer scrape-token-0123456789').expect(200);
    } finally {
      await withToken.close();
    }
  });
});
