import { RecordingStudio } from '../test/recording-studio';
import { feedProbe, probeFacts, probeRefusal } from '../test/feed-probe';
import { StreamingAudioProbe } from './streaming-audio-probe';

jest.setTimeout(60_000);

// References: soxi and ffprobe, which both read the total sample count from STREAMINFO.
describe('FLAC', () => {
  const studio = new RecordingStudio();

  beforeAll(() => {
    studio.speak('agent.wav', 'Thank you for calling Callgrade, my name is Sam, how can I help you today?');
    studio.speak('customer.wav', 'Hello, I would like to ask about my last invoice please.', 'awb');
    studio.sox(['agent.wav'], 'agent.flac');
  });
  afterAll(() => studio.remove());

  /** flite speaks at 16 kHz. */
  const agentSamples = () => Math.round((studio.soxiMs('agent.wav') * 16000) / 1000);

  function expectLikeReferences(name: string): void {
    const reference = studio.ffprobe(name);
    const sut = probeFacts(studio.read(name));
    const { channels, sampleRate } = reference;
    expect(sut).toMatchObject({ container: 'flac', codec: 'flac', channels, sampleRate });
    expect(Math.abs(sut.durationMs - studio.soxiMs(name))).toBeLessThanOrEqual(1);
  }

  it('reports flite speech encoded by sox like soxi', () => {
    expectLikeReferences('agent.flac');
  });

  it('reports a stereo 8 kHz call like soxi', () => {
    studio.stereoCall('call.wav', 'agent.wav', 'customer.wav');
    studio.sox(['call.wav'], 'call.flac', [], ['rate', '8000']);
    expectLikeReferences('call.flac');
  });

  it('reports 24-bit 48 kHz audio like soxi', () => {
    studio.sox(['agent.wav'], 'hifi.flac', ['-b', '24'], ['rate', '48000']);
    expectLikeReferences('hifi.flac');
  });

  it('estimates the duration from the frames when STREAMINFO leaves the total at 0 (encoder wrote to a pipe)', () => {
    studio.ffmpegPiped('agent.wav', 'piped.flac', ['-f', 'flac']);
    expect(studio.read('piped.flac').readUInt32BE(22) & 0xf).toBe(0);

    expect(probeFacts(studio.read('piped.flac')).durationMs).toBe(Math.round(studio.soxiMs('agent.wav')));
  });

  it('refuses a file cut in half as truncated, comparing declared samples with the frames that arrived', () => {
    const bytes = studio.read('agent.flac');
    const sut = probeRefusal(bytes.subarray(0, Math.floor(bytes.length / 2)));

    expect(sut.code).toBe('truncated');
    expect(sut.message).toMatch(new RegExp(`^FLAC STREAMINFO declares ${agentSamples()} samples but the frames that arrived end at sample \\d+$`));
  });

  it('refuses a file cut inside a cover-art PICTURE block as truncated metadata, without keeping the picture', () => {
    studio.noisePicture('art.png', 500);
    studio.withCoverArt('agent.wav', 'art.png', 'art.flac', ['-c:a', 'flac']);
    const bytes = studio.read('art.flac').subarray(0, 100_000);
    const sut = new StreamingAudioProbe();
    let mostRetained = 0;
    for (let offset = 0; offset < bytes.length; offset += 4096) {
      sut.push(bytes.subarray(offset, offset + 4096));
      mostRetained = Math.max(mostRetained, sut.retainedBytes);
    }

    expect(() => sut.finish()).toThrow(/^FLAC metadata is cut off: the PICTURE block declares \d+ bytes but only \d+ arrived$/);
    expect(mostRetained).toBeLessThan(1024);
    expectLikeReferences('art.flac');
  });

  it('refuses a file cut inside STREAMINFO as truncated', () => {
    expect(probeRefusal(studio.read('agent.flac').subarray(0, 20))).toEqual({
      code: 'truncated',
      message: 'FLAC metadata is cut off: the STREAMINFO block declares 34 bytes but only 12 arrived',
    });
  });

  it('refuses metadata with no audio frames as empty when no samples were declared', () => {
    studio.silence('nothing.flac', 0, 16000);
    expect(feedProbe(studio.read('nothing.flac'))).toEqual({
      code: 'empty',
      message: 'FLAC stream holds no audio frames',
    });
  });

  it('refuses metadata with no audio frames as truncated when samples were declared', () => {
    const bytes = studio.read('agent.flac');
    const firstFrame = bytes.indexOf(Buffer.from([0xff, 0xf8]));

    expect(probeRefusal(bytes.subarray(0, firstFrame))).toEqual({
      code: 'truncated',
      message: `FLAC stream ends after its metadata: none of its ${agentSamples()} samples arrived`,
    });
  });
});
