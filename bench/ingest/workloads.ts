import { join } from 'node:path';
import { Progress } from '../support/progress';
import { MultipartUpload } from './multipart-client';
import { UploadTarget } from './upload-target';
import { wavDurationSeconds, WavSpec, writeWav } from './wav-generator';

export interface AudioFile {
  path: string;
  sizeBytes: number;
  durationSeconds: number;
}

export interface Workload {
  key: 'a' | 'b';
  title: string;
  files: AudioFile[];
  concurrency: number;
}

/** Writes `count` WAVs of the same shape and different content, named `<prefix>-<n>.wav`. */
export async function generateWavs(directory: string, prefix: string, count: number, spec: (index: number) => WavSpec): Promise<AudioFile[]> {
  const progress = new Progress(`generating ${prefix} WAVs`, count);
  const files: AudioFile[] = [];
  for (let index = 0; index < count; index += 1) {
    const path = join(directory, `${prefix}-${index}.wav`);
    const wav = spec(index);
    files.push({ path, sizeBytes: await writeWav(path, wav), durationSeconds: wavDurationSeconds(wav) });
    progress.tick();
  }
  return files;
}

/**
 * The uploads of a workload for one target. Both targets get exactly the same bytes: same fields
 * (a unique externalId per upload), same files, same headers.
 */
export function uploadsOf(target: UploadTarget, files: AudioFile[], idPrefix: string, agentExternalId: string, apiKey: string): MultipartUpload[] {
  const startedAt = new Date().toISOString();
  return files.map((file, index) => ({
    url: target.url,
    headers: { 'x-api-key': apiKey },
    fields: { externalId: `${idPrefix}-${index}`, agentExternalId, startedAt, direction: 'inbound' },
    file: { path: file.path, sizeBytes: file.sizeBytes, name: `${idPrefix}-${index}.wav`, contentType: 'audio/wav' },
  }));
}
