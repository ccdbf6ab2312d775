import { RecordingStudio } from '../test/recording-studio';
import { probeFacts, probeRefusal } from '../test/feed-probe';
import { pseudoRandomBytes } from '../test/pseudo-random-bytes';

jest.setTimeout(60_000);

const CAPTURE_PATTERN = Buffer.from('OggS');

/** Byte offsets where pages start. */
function pageStarts(bytes: Buffer): number[] {
  const starts: number[] = [];
  for (let at = bytes.indexOf(CAPTURE_PATTERN); at >= 0; at = bytes.indexOf(CAPTURE_PATTERN, at + 1)) starts.push(at);
  return starts;
}

// References: soxi/ffprobe for Vorbis and FLAC. For Opus, ffprobe reports the last granule
// position over 48 kHz without subtracting the pre-skip, so Opus is compared with the source WAV:
// encoders set the final granule to exactly pre-skip + source length.
describe('Ogg', () => {
  const studio = new RecordingStudio();

  beforeAll(() => {
    studio.speak('agent.wav', 'Thank you for calling Callgrade, my name is Sam, how can I help you today?');
    studio.speak('customer.wav', 'Hello, I would like to ask about my last invoice please.', 'awb');
    studio.sox(['agent.wav'], 'agent-8k.wav', [], ['rate', '8000']);
    studio.ffmpeg('agent.wav', 'agent.opus', ['-c:a', 'libopus', '-b:a', '16k']);
  });
  afterAll(() => studio.remove());

  it('reports Opus from flite speech with pre-skip removed, to the millisecond of the source', () => {
    expect(probeFacts(studio.read('agent.opus'))).toEqual({
      container: 'ogg',
      codec: 'opus',
      durationMs: Math.round(studio.soxiMs('agent.wav')),
      channels: 1,
      sampleRate: 16000,
    });
  });

  it('reports the input rate of 8 kHz telephone audio encoded as Opus', () => {
    studio.ffmpeg('agent-8k.wav', 'phone.ogg', ['-c:a', 'libopus']);
    expect(probeFacts(studio.read('phone.ogg'))).toMatchObject({
      codec: 'opus',
      sampleRate: 8000,
      durationMs: Math.round(studio.soxiMs('agent-8k.wav')),
    });
  });

  it('reports a stereo call encoded as 48 kHz Opus with 2 channels', () => {
    studio.sox(['agent.wav'], 'agent-48k.wav', [], ['rate', '48000']);
    studio.sox(['customer.wav'], 'customer-48k.wav', [], ['rate', '48000']);
    studio.stereoCall('call.wav', 'agent-48k.wav', 'customer-48k.wav');
    studio.ffmpeg('call.wav', 'call.opus', ['-c:a', 'libopus']);

    expect(probeFacts(studio.read('call.opus'))).toMatchObject({
      channels: 2,
      sampleRate: 48000,
      durationMs: Math.round(studio.soxiMs('call.wav')),
    });
  });

  it.each([
    ['Vorbis made by sox', 'agent.ogg', 'agent.wav', 'vorbis'],
    ['stereo 44.1 kHz Vorbis', 'call-44k.ogg', 'call-44k.wav', 'vorbis'],
    ['FLAC in Ogg made by ffmpeg', 'agent.oga', 'agent.wav', 'flac'],
  ])('reports %s like soxi and ffprobe', (_, name, source, codec) => {
    if (source === 'call-44k.wav') {
      studio.stereoCall('call-16k.wav', 'agent.wav', 'customer.wav');
      studio.sox(['call-16k.wav'], source, [], ['rate', '44100']);
    }
    if (codec === 'vorbis') studio.sox([source], name);
    else studio.ffmpeg(source, name, ['-c:a', 'flac', '-f', 'ogg']);
    const reference = studio.ffprobe(name);

    const sut = probeFacts(studio.read(name));

    const { channels, sampleRate } = reference;
    expect(sut).toMatchObject({ container: 'ogg', codec, channels, sampleRate });
    expect(Math.abs(sut.durationMs - reference.ffprobeMs)).toBeLessThanOrEqual(1);
    expect(Math.abs(sut.durationMs - studio.soxiMs(source))).toBeLessThanOrEqual(1);
  });

  it('adds up the durations of chained streams', () => {
    studio.sox(['customer.wav'], 'customer.ogg');
    const chained = Buffer.concat([studio.read('agent.ogg'), studio.read('customer.ogg')]);

    expect(probeFacts(chained).durationMs).toBeCloseTo(studio.soxiMs('agent.wav') + studio.soxiMs('customer.wav'), -1);
  });

  it('skips damaged bytes between pages', () => {
    const bytes = studio.read('agent.ogg');
    const middlePage = pageStarts(bytes)[4];
    const garbage = pseudoRandomBytes(500, 5);
    const damaged = Buffer.concat([bytes.subarray(0, middlePage), garbage, bytes.subarray(middlePage)]);

    expect(probeFacts(damaged)).toEqual(probeFacts(bytes));
  });

  it('refuses a file cut in half, inside a page, as truncated', () => {
    const bytes = studio.read('agent.opus');
    let cut = Math.floor(bytes.length / 2);
    if (pageStarts(bytes).includes(cut)) cut += 1;
    const sut = probeRefusal(bytes.subarray(0, cut));

    expect(sut.code).toBe('truncated');
    expect(sut.message).toMatch(/^The last Ogg page declares \d+ bytes but only \d+ arrived$/);
  });

  it('refuses a file cut inside a page header as truncated', () => {
    const bytes = studio.read('agent.ogg');
    const lastPage = pageStarts(bytes).at(-1) as number;

    expect(probeRefusal(bytes.subarray(0, lastPage + 10))).toMatchObject({
      code: 'truncated',
      message: expect.stringContaining('ends inside a page'),
    });
  });

  it('reports the pages that arrived when a stream stops exactly at a page boundary', () => {
    const bytes = studio.read('agent.ogg');
    const starts = pageStarts(bytes);
    const cut = starts[starts.length - 2];
    const granuleBeforeCut = bytes.readBigInt64LE(starts[starts.length - 3] + 6);

    expect(probeFacts(bytes.subarray(0, cut)).durationMs).toBe(Math.round((Number(granuleBeforeCut) * 1000) / 16000));
  });

  it('refuses a stream that ends after its header pages as truncated', () => {
    const bytes = studio.read('agent.opus');
    const firstAudioPage = pageStarts(bytes)[2];

    expect(probeRefusal(bytes.subarray(0, firstAudioPage))).toEqual({
      code: 'truncated',
      message: 'Ogg opus stream ends after its headers: no audio pages arrived',
    });
  });

  it('refuses an Ogg Speex stream as unsupported', () => {
    const header = Buffer.concat([Buffer.from('Speex   1.2.0', 'latin1'), Buffer.alloc(67)]);
    const page = Buffer.concat([Buffer.from('OggS\x00\x02', 'latin1'), Buffer.alloc(8 + 4 + 4 + 4), Buffer.from([1, header.length]), header]);

    expect(probeRefusal(page)).toMatchObject({ code: 'unsupported', message: expect.stringContaining('Speex') });
  });
});
