import { RecordingStudio } from '../test/recording-studio';
import { feedProbe, probeFacts, probeRefusal } from '../test/feed-probe';
import { pseudoRandomBytes } from '../test/pseudo-random-bytes';
import { StreamingAudioProbe } from './streaming-audio-probe';

jest.setTimeout(60_000);

/** Samples per frame for layer III: 1152 in MPEG-1 (32-48 kHz), 576 in MPEG-2/2.5. */
function samplesPerFrame(sampleRate: number): number {
  return sampleRate >= 32000 ? 1152 : 576;
}

// References: ffprobe's frame count (nb_read_packets, which skips a Xing/Info frame) times the
// frame duration, which is also what ffprobe reports as duration. Against the source WAV the MP3
// is longer by the encoder delay (576 + 529 samples for LAME) plus padding to a whole frame.
describe('MP3', () => {
  const studio = new RecordingStudio();

  beforeAll(() => {
    studio.speak('agent.wav', 'Thank you for calling Callgrade, my name is Sam, how can I help you today?');
  });
  afterAll(() => studio.remove());

  function expectLikeReferences(name: string, source: string): void {
    const reference = studio.ffprobe(name);
    const sut = probeFacts(studio.read(name));
    const frameMs = (samplesPerFrame(reference.sampleRate) * 1000) / reference.sampleRate;

    const { channels, sampleRate } = reference;
    expect(sut).toMatchObject({ container: 'mp3', codec: 'mp3', channels, sampleRate });
    expect(sut.durationMs).toBeCloseTo(reference.packets * frameMs, 0);
    const overSource = sut.durationMs - studio.soxiMs(source);
    expect(overSource).toBeGreaterThanOrEqual(0);
    expect(overSource).toBeLessThanOrEqual(2 * frameMs + (1105 * 1000) / reference.sampleRate);
  }

  const lame = (...options: string[]) => ['-c:a', 'libmp3lame', ...options];
  const bare = ['-write_xing', '0', '-id3v2_version', '0'];

  it.each([
    ['CBR 32 kbit/s at 16 kHz (MPEG-2), with ID3v2 tag and Info header', 'cbr.mp3', lame('-b:a', '32k')],
    ['VBR at 16 kHz, with a Xing header', 'vbr.mp3', lame('-q:a', '5')],
    ['CBR without ID3 tag or Info header', 'bare.mp3', lame('-b:a', '32k', ...bare)],
    ['VBR without Xing header, counted frame by frame', 'bare-vbr.mp3', lame('-q:a', '2', ...bare)],
    ['8 kHz telephone audio (MPEG-2.5)', 'phone.mp3', ['-ar', '8000', ...lame('-b:a', '16k')]],
    ['44.1 kHz stereo at 128 kbit/s (MPEG-1)', 'stereo.mp3', ['-ar', '44100', '-ac', '2', ...lame('-b:a', '128k')]],
  ])('reports %s like ffprobe', (_, name, options) => {
    studio.ffmpeg('agent.wav', name, options);
    expectLikeReferences(name, 'agent.wav');
  });

  it('skips a large ID3v2 tag with cover art without keeping it', () => {
    studio.noisePicture('art.png', 500);
    studio.withCoverArt('agent.wav', 'art.png', 'art.mp3', ['-c:a', 'libmp3lame', '-b:a', '32k']);
    const bytes = studio.read('art.mp3');
    expect(bytes.length).toBeGreaterThan(200_000);
    const sut = new StreamingAudioProbe();
    let mostRetained = 0;

    for (let offset = 0; offset < bytes.length; offset += 4096) {
      sut.push(bytes.subarray(offset, offset + 4096));
      mostRetained = Math.max(mostRetained, sut.retainedBytes);
    }

    expect(sut.finish().durationMs).toBeCloseTo(studio.ffprobe('art.mp3').packets * 36, 0);
    expect(mostRetained).toBeLessThan(16 * 1024);
  });

  it('reports MPEG-1 Layer II as codec mp2', () => {
    studio.ffmpeg('agent.wav', 'layer2.mp2', ['-ar', '32000', '-c:a', 'mp2', '-b:a', '64k']);
    const reference = studio.ffprobe('layer2.mp2');

    expect(probeFacts(studio.read('layer2.mp2'))).toEqual({
      container: 'mp3',
      codec: 'mp2',
      durationMs: Math.round((reference.packets * 1152 * 1000) / 32000),
      channels: 1,
      sampleRate: 32000,
    });
  });

  it('refuses a file with an Info header cut in half as truncated, comparing declared and arrived frames', () => {
    const bytes = studio.read('cbr.mp3');
    const sut = probeRefusal(bytes.subarray(0, Math.floor(bytes.length / 2)));

    expect(sut.code).toBe('truncated');
    expect(sut.message).toMatch(/^MP3 Info header declares \d+ frames but only \d+ arrived$/);
  });

  it('reports only the complete frames of a file without an info header cut in the middle of a frame', () => {
    const frames = studio.packetPositions('bare-vbr.mp3');
    const cutFrame = frames[20];
    const bytes = studio.read('bare-vbr.mp3').subarray(0, cutFrame.pos + Math.floor(cutFrame.size / 2));

    expect(probeFacts(bytes).durationMs).toBe(Math.round((20 * 576 * 1000) / 16000));
  });

  it('ignores an ID3v1 tag at the end of the file', () => {
    studio.ffmpeg('agent.wav', 'v1.mp3', [...lame('-b:a', '32k'), '-write_id3v1', '1', '-metadata', 'title=Call 42']);
    const bytes = studio.read('v1.mp3');
    expect(bytes.toString('latin1', bytes.length - 128, bytes.length - 125)).toBe('TAG');

    expect(probeFacts(bytes)).toEqual(probeFacts(studio.read('cbr.mp3')));
  });

  it('finds the frames again after damaged bytes in the middle of the stream', () => {
    const bytes = studio.read('bare-vbr.mp3');
    const boundary = studio.packetPositions('bare-vbr.mp3')[30].pos;
    const damaged = Buffer.concat([bytes.subarray(0, boundary), pseudoRandomBytes(1000, 3), bytes.subarray(boundary)]);

    expect(probeFacts(damaged)).toEqual(probeFacts(bytes));
  });

  it('recognises a stream of only three frames when they end exactly where the data ends', () => {
    const fourthFrame = studio.packetPositions('bare.mp3')[3].pos;
    const bytes = studio.read('bare.mp3');

    expect(probeFacts(bytes.subarray(0, fourthFrame)).durationMs).toBe(Math.round((3 * 576 * 1000) / 16000));
    expect(probeRefusal(bytes.subarray(0, fourthFrame - 1)).code).toBe('not_audio');
  });

  it('refuses random bytes sprinkled with valid-looking frame headers as not audio', () => {
    const header = Buffer.from([0xff, 0xfb, 0x90, 0x64]); // MPEG-1 layer III, 128 kbit/s, 44.1 kHz: 417-byte frames
    const bytes = pseudoRandomBytes(200_000, 42);
    for (let offset = 0; offset + 4 < bytes.length; offset += 97) header.copy(bytes, offset);

    expect(probeRefusal(bytes)).toEqual({
      code: 'not_audio',
      message: 'No MPEG audio frames in the first 64 KB: the data is not an MP3 recording',
    });
    expect(probeRefusal(bytes.subarray(0, 5_000))).toMatchObject({
      code: 'not_audio',
      message: expect.stringContaining('consecutive'),
    });
  });

  it('refuses an ID3 tag with no audio after it as empty', () => {
    const tag = studio.read('cbr.mp3').subarray(0, 10 + 35);
    expect(tag.toString('latin1', 0, 3)).toBe('ID3');

    expect(feedProbe(tag)).toMatchObject({ code: 'empty', message: 'The recording holds an ID3 tag but no audio' });
  });
});
