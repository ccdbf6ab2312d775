import { RecordingEntity } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';

type PurgeableKind = 'audio' | 'transcript' | 'scores';

const WORDS: Record<PurgeableKind, { en: string; zh: string }> = {
  audio: { en: 'audio', zh: '音频' },
  transcript: { en: 'transcript', zh: '转写文本' },
  scores: { en: 'auto-scores', zh: '自动评分' },
};

const purgedAt = (r: RecordingEntity, kind: PurgeableKind) =>
  kind === 'audio' ? r.audioPurgedAt : kind === 'transcript' ? r.transcriptPurgedAt : r.scoresPurgedAt;

/** 410 Gone, in English and Chinese, when retention or an erasure has deleted this kind of the recording's data. */
export function assertNotPurged(recording: RecordingEntity, kind: PurgeableKind): void {
  const at = purgedAt(recording, kind);
  if (!at) return;
  const day = at.toISOString().slice(0, 10);
  const why = recording.erasedAt ? { en: "at the customer's request", zh: '应客户要求' } : { en: 'under the retention policy', zh: '按保留策略' };
  const { en, zh } = WORDS[kind];
  throw new DomainError(ErrorCode.Gone, `The ${en} of recording ${recording.id} was deleted on ${day} ${why.en} / 该录音的${zh}已于 ${day} ${why.zh}删除`, {
    [kind]: `deleted on ${at.toISOString()} ${why.en}`,
  });
}
