import fc from 'fast-check';
import { RecordingStudio } from '../test/recording-studio';
import { feedProbe, ProbeOutcome, probeFacts } from '../test/feed-probe';
import { AudioProbeError } from './audio-probe.error';
import { StreamingAudioProbe } from './streaming-audio-probe';

jest.setTimeout(120_000);

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** Feeds `totalBytes` produced by `chunkAt(offset)` in 64 KB chunks, never holding more than one chunk. */
function streamThrough(sut: StreamingAudioProbe, totalBytes: number, chunkAt: (offset: number, length: number) => Buffer): number {
  let mostRetained = 0;
  for (let offset = 0; offset < totalBytes; offset += CHUNK) {
    sut.push(chunkAt(offset, Math.min(CHUNK, totalBytes - offset)));
    mostRetained = Math.max(mostRetained, sut.retainedBytes);
  }
  return mostRetained;
}

describe('StreamingAudioProbe', () => {
  const studio = new RecordingStudio();
  const samples: Record<string, Buffer> = {};

  beforeAll(() => {
    studio.speak('agent.wav', 'Thank you for calling Callgrade, my name is Sam, how can I help you today?');
    studio.sox(['agent.wav'], 'alaw.wav', ['-e', 'a-law'], ['rate', '8000']);
    studio.ffmpegPiped('agent.wav', 'piped.wav', ['-f', 'wav']);
    studio.ffmpeg('agent.wav', 'cbr.mp3', ['-c:a', 'libmp3lame', '-b:a', '32k']);
    studio.ffmpeg('agent.wav', 'vbr.mp3', ['-c:a', 'libmp3lame', '-q:a', '4', '-write_xing', '0']);
    studio.ffmpeg('agent.wav', 'agent.opus', ['-c:a', 'libopus']);
    studio.sox(['agent.wav'], 'agent.ogg');
    studio.sox(['agent.wav'], 'agent.flac');
    studio.ffmpegPiped('agent.wav', 'piped.flac', ['-f', 'flac']);
    const recordings = ['agent.wav', 'alaw.wav', 'piped.wav', 'cbr.mp3', 'vbr.mp3', 'agent.opus', 'agent.ogg'];
    for (const name of [...recordings, 'agent.flac', 'piped.flac']) {
      samples[name] = studio.read(name);
      samples[`half of ${name}`] = samples[name].subarray(0, Math.floor(samples[name].length / 2));
    }
    samples['text'] = Buffer.from('This is a transcript, not a recording.');
  });
  afterAll(() => studio.remove());

  describe('gives the same answer wherever the chunk boundaries fall', () => {
    const names = () => Object.keys(samples);

    it.each([1, 7, 4096])('in %i-byte chunks as in one chunk', (chunkSize) => {
      for (const name of names()) {
        const whole = feedProbe(samples[name]);
        expect({ name, outcome: feedProbe(samples[name], [chunkSize]) }).toEqual({ name, outcome: whole });
      }
    });

    it('for any sequence of chunk sizes', () => {
      const wholeOutcomes = new Map<string, ProbeOutcome>(names().map((name) => [name, feedProbe(samples[name])]));
      fc.assert(
        fc.property(fc.constantFrom(...names()), fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 16 }), (name, chunkSizes) => {
          expect(feedProbe(samples[name], chunkSizes)).toEqual(wholeOutcomes.get(name));
        }),
        { numRuns: 200 },
      );
    });
  });

  it('reports or refuses damaged recordings, never crashing and keeping little', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(samples)),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 10_000 }),
        (name, damage, chunkSize) => {
          const bytes = Buffer.from(samples[name]);
          for (const [position, value] of damage) bytes[position % bytes.length] = value;
          const sut = new StreamingAudioProbe();
          let mostRetained = 0;
          for (let offset = 0; offset < bytes.length; offset += chunkSize) {
            sut.push(bytes.subarray(offset, offset + chunkSize));
            mostRetained = Math.max(mostRetained, sut.retainedBytes);
          }
          expect(mostRetained).toBeLessThan(128 * 1024);
          try {
            sut.finish();
          } catch (error) {
            expect(error).toBeInstanceOf(AudioProbeError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same facts when the caller reuses its chunk buffer after every push', () => {
    const bytes = samples['cbr.mp3'];
    const sut = new StreamingAudioProbe();
    const reused = Buffer.alloc(1000);
    for (let offset = 0; offset < bytes.length; offset += reused.length) {
      const length = bytes.copy(reused, 0, offset, offset + reused.length);
      sut.push(reused.subarray(0, length));
      reused.fill(0xff);
    }

    expect(sut.finish()).toEqual(probeFacts(bytes));
  });

  it('keeps a few bytes and times 200 MB of WAV exactly, fed in 64 KB chunks', () => {
    const dataBytes = 200 * MB;
    const header = Buffer.alloc(44);
    header.write('RIFF', 0, 'latin1');
    header.writeUInt32LE(36 + dataBytes, 4);
    header.write('WAVEfmt ', 8, 'latin1');
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20); // PCM
    header.writeUInt16LE(1, 22); // mono
    header.writeUInt32LE(8000, 24);
    header.writeUInt32LE(16000, 28);
    header.writeUInt16LE(2, 32);
    header.writeUInt16LE(16, 34);
    header.write('data', 36, 'latin1');
    header.writeUInt32LE(dataBytes, 40);
    const silence = Buffer.alloc(CHUNK);
    const sut = new StreamingAudioProbe();

    sut.push(header);
    const mostRetained = streamThrough(sut, dataBytes, (_, length) => silence.subarray(0, length));

    expect(sut.finish()).toEqual({
      container: 'wav',
      codec: 'pcm_s16le',
      durationMs: (dataBytes / 16000) * 1000,
      channels: 1,
      sampleRate: 8000,
    });
    expect(mostRetained).toBeLessThan(64);
  });

  it('keeps a few frames and counts 200 MB of MP3 frame by frame, fed in 64 KB chunks', () => {
    const bare = ['-write_xing', '0', '-id3v2_version', '0'];
    studio.ffmpeg('agent.wav', 'frames.mp3', ['-ar', '44100', '-ac', '2', '-c:a', 'libmp3lame', '-b:a', '128k', ...bare]);
    const recording = studio.read('frames.mp3');
    const framesPerRecording = studio.ffprobe('frames.mp3').packets;
    const repeats = Math.floor((200 * MB) / recording.length);
    // The recording repeated back to back, wide enough to cut any 64 KB chunk from it.
    const tiled = Buffer.concat(Array.from({ length: Math.ceil(CHUNK / recording.length) + 1 }, () => recording));
    const sut = new StreamingAudioProbe();

    const mostRetained = streamThrough(sut, repeats * recording.length, (offset, length) => {
      const start = offset % recording.length;
      return tiled.subarray(start, start + length);
    });

    const frames = repeats * framesPerRecording;
    expect(sut.finish()).toEqual({
      container: 'mp3',
      codec: 'mp3',
      durationMs: Math.round((frames * 1152 * 1000) / 44100),
      channels: 2,
      sampleRate: 44100,
    });
    expect(mostRetained).toBeLessThan(8 * 1024);
  });

  it('says at once that a PNG is refused, and keeps accepting the rest of the upload without throwing', () => {
    const sut = new StreamingAudioProbe();
    sut.push(Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR', 'latin1'));

    expect(sut.rejection).toMatchObject({ code: 'not_audio' });
    expect(() => sut.push(Buffer.alloc(CHUNK))).not.toThrow();
    expect(sut.retainedBytes).toBe(0);
    expect(() => sut.finish()).toThrow(sut.rejection);
  });

  it('has no rejection while the data may still be audio', () => {
    const sut = new StreamingAudioProbe();
    sut.push(samples['half of agent.wav']);

    expect(sut.rejection).toBeUndefined();
  });

  it('gives the same answer when finish is called twice, and refuses pushes after finish', () => {
    const sut = new StreamingAudioProbe();
    sut.push(samples['agent.flac']);

    expect(sut.finish()).toEqual(sut.finish());
    expect(() => sut.push(Buffer.alloc(1))).toThrow('StreamingAudioProbe.push called after finish');
  });
});
