import { RecordingStudio } from '../test/recording-studio';
import { feedProbe, probeFacts, probeRefusal } from '../test/feed-probe';
import { pseudoRandomBytes } from '../test/pseudo-random-bytes';
import { StreamingAudioProbe } from './streaming-audio-probe';

jest.setTimeout(60_000);

describe('Recognising the container from the bytes', () => {
  const studio = new RecordingStudio();

  beforeAll(() => {
    studio.speak('agent.wav', 'Your call may be recorded for quality purposes.');
    studio.noisePicture('logo.png', 64);
  });
  afterAll(() => studio.remove());

  it('refuses input with no bytes at all as empty', () => {
    expect(feedProbe(Buffer.alloc(0))).toEqual({ code: 'empty', message: 'The recording is empty: no bytes arrived' });
  });

  it('refuses input made only of zero-length chunks as empty', () => {
    const sut = new StreamingAudioProbe();
    sut.push(Buffer.alloc(0));
    sut.push(Buffer.alloc(0));

    expect(() => sut.finish()).toThrow(expect.objectContaining({ code: 'empty' }));
  });

  it.each([
    ['plain text', Buffer.from('Call notes: customer asked about the invoice.\n'), 'text'],
    ['JSON', Buffer.from(' {"recordingId": "c0ffee", "durationMs": 1000}'), 'JSON text'],
    ['HTML', Buffer.from('<!doctype html><html><body>Not found</body></html>'), 'HTML or XML text'],
    ['a PDF', Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'), 'a PDF document'],
    ['UTF-8 text cut inside a character', Buffer.from('Gruß aus München'), 'text'],
  ])('refuses %s as not audio, saying what it looks like', (_, bytes, looksLike) => {
    expect(probeRefusal(bytes)).toEqual({
      code: 'not_audio',
      message: `Not an audio recording: the data looks like ${looksLike}`,
    });
  });

  it('refuses a real PNG image as not audio', () => {
    expect(probeRefusal(studio.read('logo.png'))).toEqual({
      code: 'not_audio',
      message: 'Not an audio recording: the data looks like a PNG image',
    });
  });

  it('refuses random bytes as not audio', () => {
    expect(probeRefusal(pseudoRandomBytes(5000, 7))).toMatchObject({
      code: 'not_audio',
      message: expect.stringMatching(/^Not an audio recording: the data looks like binary data starting( [0-9a-f]{2}){8}$/),
    });
  });

  it('ignores the file name: WAV bytes named .mp3 are still WAV', () => {
    studio.sox(['agent.wav'], 'misnamed.mp3', ['-t', 'wav']);
    expect(probeFacts(studio.read('misnamed.mp3')).container).toBe('wav');
  });

  it.each([
    ['AAC in M4A', 'agent.m4a', ['-c:a', 'aac'], 'MP4/M4A (AAC)'],
    ['AAC in ADTS', 'agent.aac', ['-c:a', 'aac', '-f', 'adts'], 'AAC (ADTS)'],
  ])('refuses %s as unsupported', (_, name, options, format) => {
    studio.ffmpeg('agent.wav', name, options);
    expect(probeRefusal(studio.read(name))).toEqual({
      code: 'unsupported',
      message: `${format} recordings are not supported; use WAV, MP3, Ogg or FLAC`,
    });
  });

  it('refuses AIFF as unsupported', () => {
    studio.sox(['agent.wav'], 'agent.aiff');
    expect(probeRefusal(studio.read('agent.aiff'))).toEqual({
      code: 'unsupported',
      message: 'AIFF audio recordings are not supported; use WAV, MP3, Ogg or FLAC',
    });
  });

  it('refuses a few bytes that begin a known signature as truncated', () => {
    expect(probeRefusal(Buffer.from('Ogg'))).toEqual({
      code: 'truncated',
      message: 'The recording is cut off: it ends after 3 bytes, inside the Ogg header',
    });
  });

  it('finds FLAC behind an ID3v2 tag', () => {
    studio.sox(['agent.wav'], 'agent.flac');
    const id3 = Buffer.concat([Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x14', 'latin1'), Buffer.alloc(20)]);

    const tagged = Buffer.concat([id3, studio.read('agent.flac')]);

    expect(probeFacts(tagged)).toEqual(probeFacts(studio.read('agent.flac')));
  });
});
