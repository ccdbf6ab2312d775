import { silence } from './audio-fixtures';
import { TestUser, uniqueCallId } from './builders';
import { eventually } from './eventually';
import { TestApp } from './test-app';

export type Line = ['agent' | 'customer', string];

/** A polite, complete service call: every automatic check has something to find. */
export const GOOD_CALL: Line[] = [
  ['agent', 'Hello, this is north wind bank, my name is Priya, how can I help you today?'],
  ['agent', 'Please note this call may be recorded for quality.'],
  ['customer', 'Hi, I would like to check my balance please.'],
  ['agent', 'Of course, thank you for waiting, your balance is two hundred pounds.'],
  ['customer', 'Great, thanks.'],
  ['agent', 'Is there anything else I can help you with? Thank you for calling Northwind Bank, have a nice day.'],
];

/** Lines alternate at a steady pace, three seconds each. */
export function conversation(lines: Line[]) {
  return lines.map(([speaker, text], i) => ({ speaker, startMs: i * 3000, endMs: i * 3000 + 2500, text }));
}

/**
 * Uploads a call with a supplied transcript through the real ingest and scoring pipeline (the app must
 * run with SCORING_WORKER_ENABLED) and waits until it is scored. Returns the recording id.
 */
export async function aScoredCall(app: TestApp, uploader: TestUser, agent: TestUser, lines: Line[] = GOOD_CALL, startedAt = new Date()): Promise<string> {
  const res = await app.http
    .post('/api/v1/recordings')
    .set('Authorization', uploader.auth)
    .field({
      externalId: uniqueCallId(),
      agentId: agent.id,
      startedAt: startedAt.toISOString(),
      direction: 'inbound',
      transcript: JSON.stringify(conversation(lines)),
    })
    .attach('file', silence(30))
    .expect(202);
  const id = res.body.id as string;
  await eventually(async () => {
    const r = await app.http.get(`/api/v1/recordings/${id}`).set('Authorization', uploader.auth);
    if (r.body.status === 'failed') throw new Error(`recording ${id} failed: ${r.body.failureReason}`);
    return r.body.status === 'scored';
  });
  return id;
}
