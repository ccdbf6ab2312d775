import { RecordingStudio } from '../test/recording-studio';
import { probeFacts, probeRefusal } from '../test/feed-probe';

jest.setTimeout(60_000);

// References: soxi for PCM-like codecs (duration = data bytes / block size / rate), ffprobe for
// ADPCM and GSM, whose duration both it and the probe take from the fact chunk.
describe('WAV', () => {
  const studio = new RecordingStudio();

  beforeAll(() => {
    studio.speak('agent.wav', 'Thank you for calling Callgrade, my name is Sam, how can I help you today?', 'slt');
    studio.speak('customer.wav', 'Hello, I would like to ask about my last invoice please.', 'rms');
  });
  afterAll(() => studio.remove());

  function expectLikeReferences(name: string, durationSource: 'soxi' | 'ffprobe' = 'soxi'): void {
    const reference = studio.ffprobe(name);
    const sut = probeFacts(studio.read(name));
    const { codec, channels, sampleRate } = reference;
    expect(sut).toMatchObject({ container: 'wav', codec, channels, sampleRate });
    const expectedMs = durationSource === 'soxi' ? studio.soxiMs(name) : reference.ffprobeMs;
    expect(Math.abs(sut.durationMs - expectedMs)).toBeLessThanOrEqual(1);
  }

  it('reports flite speech as 16 kHz mono 16-bit PCM with its exact length', () => {
    expectLikeReferences('agent.wav');
  });

  it.each([
    ['8 kHz A-law telephone audio', 'alaw.wav', ['-r', '8000', '-e', 'a-law']],
    ['8 kHz µ-law telephone audio', 'ulaw.wav', ['-r', '8000', '-e', 'u-law']],
    ['24-bit PCM (written as WAVE_FORMAT_EXTENSIBLE)', 's24.wav', ['-b', '24']],
    ['32-bit PCM', 's32.wav', ['-b', '32']],
    ['32-bit float', 'f32.wav', ['-e', 'floating-point', '-b', '32']],
    ['8-bit unsigned PCM', 'u8.wav', ['-b', '8', '-e', 'unsigned-integer']],
    ['44.1 kHz resampled speech', 'cd.wav', ['-r', '44100']],
  ])('reports %s like soxi and ffprobe', (_, name, options) => {
    studio.sox(['agent.wav'], name, options);
    expectLikeReferences(name);
  });

  it('reports a two-voice call mixed into stereo as 2 channels', () => {
    studio.stereoCall('call.wav', 'agent.wav', 'customer.wav');
    expectLikeReferences('call.wav');
    expect(probeFacts(studio.read('call.wav')).channels).toBe(2);
  });

  it.each([
    ['IMA ADPCM', 'ima.wav', ['-r', '8000', '-e', 'ima-adpcm']],
    ['GSM 6.10', 'gsm.wav', ['-r', '8000', '-e', 'gsm-full-rate']],
  ])('takes the duration of %s from its fact chunk, like ffprobe', (_, name, options) => {
    studio.sox(['agent.wav'], name, options);
    expectLikeReferences(name, 'ffprobe');
  });

  it('reads RF64 files through their ds64 chunk', () => {
    studio.ffmpeg('agent.wav', 'rf64.wav', ['-rf64', 'always']);
    expect(studio.read('rf64.wav').toString('latin1', 0, 4)).toBe('RF64');
    expect(probeFacts(studio.read('rf64.wav')).durationMs).toBeCloseTo(studio.soxiMs('agent.wav'), 0);
  });

  it('uses the bytes that arrived when a streaming recorder left the sizes at 0xFFFFFFFF', () => {
    studio.ffmpegPiped('agent.wav', 'piped.wav', ['-f', 'wav']);
    const bytes = studio.read('piped.wav');
    expect(bytes.indexOf('data\xff\xff\xff\xff', 0, 'latin1')).toBeGreaterThan(0);

    expect(probeFacts(bytes).durationMs).toBeCloseTo(studio.soxiMs('agent.wav'), 0);
  });

  it('uses the bytes that arrived when the data chunk size is 0, even when the upload stops early', () => {
    const bytes = Buffer.from(studio.read('agent.wav'));
    bytes.writeUInt32LE(0, 40);
    const half = 44 + 16000 * 2; // one second of 16 kHz 16-bit mono

    expect(probeFacts(bytes).durationMs).toBeCloseTo(studio.soxiMs('agent.wav'), 0);
    expect(probeFacts(bytes.subarray(0, half)).durationMs).toBe(1000);
  });

  it('refuses a file cut in half as truncated, saying how much was declared and how much arrived', () => {
    const bytes = studio.read('agent.wav');
    const declared = bytes.readUInt32LE(40);
    const sut = probeRefusal(bytes.subarray(0, Math.floor(bytes.length / 2)));

    expect(sut.code).toBe('truncated');
    const arrived = Math.floor(bytes.length / 2) - 44;
    expect(sut.message).toBe(`WAV data chunk declares ${declared} bytes but only ${arrived} arrived`);
  });

  it('refuses a file cut inside its header as truncated', () => {
    expect(probeRefusal(studio.read('agent.wav').subarray(0, 30))).toMatchObject({
      code: 'truncated',
      message: expect.stringContaining('header is cut off'),
    });
  });

  it('refuses a header with no samples as empty', () => {
    studio.silence('nothing.wav', 0);
    expect(studio.read('nothing.wav')).toHaveLength(44);

    expect(probeRefusal(studio.read('nothing.wav'))).toEqual({
      code: 'empty',
      message: 'WAV file has a header but no audio samples',
    });
  });

  it('refuses a RIFF file that is not WAVE (an AVI video) as not audio', () => {
    const avi = Buffer.concat([Buffer.from('RIFF\x00\x10\x00\x00AVI LIST', 'latin1'), Buffer.alloc(64)]);
    expect(probeRefusal(avi)).toEqual({ code: 'not_audio', message: 'RIFF file of type "AVI" is not WAVE audio' });
  });

  it('refuses a WAV format it cannot time (G.729) as unsupported', () => {
    const bytes = Buffer.from(studio.read('agent.wav'));
    bytes.writeUInt16LE(0x0133, 20);
    expect(probeRefusal(bytes)).toMatchObject({ code: 'unsupported', message: expect.stringContaining('0x0133') });
  });
});
