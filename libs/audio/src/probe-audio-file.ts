import { createReadStream } from 'node:fs';
import { AudioFacts } from './audio-facts';
import { StreamingAudioProbe } from './streaming-audio-probe';

/** Streams a file through StreamingAudioProbe; stops reading as soon as the file is known to be refused. */
export async function probeAudioFile(path: string): Promise<AudioFacts> {
  const probe = new StreamingAudioProbe();
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream) {
      probe.push(chunk as Buffer);
      if (probe.rejection) break;
    }
  } finally {
    stream.destroy();
  }
  return probe.finish();
}
