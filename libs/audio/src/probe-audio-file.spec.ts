import { AudioProbeError, probeAudioFile } from '@callgrade/audio';
import { RecordingStudio } from '../test/recording-studio';

jest.setTimeout(60_000);

describe('probeAudioFile', () => {
  const studio = new RecordingStudio();

  beforeAll(() => studio.speak('agent.wav', 'Please hold while I transfer your call.', 'awb'));
  afterAll(() => studio.remove());

  it('reads the facts of a recording on disk', async () => {
    studio.sox(['agent.wav'], 'agent.flac');

    await expect(probeAudioFile(studio.path('agent.flac'))).resolves.toEqual({
      container: 'flac',
      codec: 'flac',
      durationMs: Math.round(studio.soxiMs('agent.wav')),
      channels: 1,
      sampleRate: 16000,
    });
  });

  it('rejects with AudioProbeError for a file that is not audio', async () => {
    studio.write('notes.txt', 'Agent was polite. '.repeat(10_000));

    const sut = probeAudioFile(studio.path('notes.txt'));

    await expect(sut).rejects.toBeInstanceOf(AudioProbeError);
    await expect(sut).rejects.toMatchObject({ code: 'not_audio' });
  });

  it('rejects an empty file as empty', async () => {
    studio.write('empty.wav', '');
    await expect(probeAudioFile(studio.path('empty.wav'))).rejects.toMatchObject({ code: 'empty' });
  });

  it('passes on the file system error for a missing file', async () => {
    await expect(probeAudioFile(studio.path('missing.wav'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
