import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Voice = 'slt' | 'awb' | 'rms';

/** What the reference tools (soxi, ffprobe) say about a file. */
export interface ReferenceFacts {
  codec: string;
  channels: number;
  sampleRate: number;
  /** ffprobe's stream duration, in ms. */
  ffprobeMs: number;
  /** Packets ffprobe read (for MP3, frames excluding any Xing/Info frame). */
  packets: number;
}

/**
 * Makes real recordings with the Debian tools (flite, sox, ffmpeg) in a temporary directory.
 * Every test file creates its own and removes it in afterAll.
 */
export class RecordingStudio {
  readonly dir = mkdtempSync(join(tmpdir(), 'callgrade-audio-'));

  path(name: string): string {
    return join(this.dir, name);
  }

  read(name: string): Buffer {
    return readFileSync(this.path(name));
  }

  write(name: string, bytes: Buffer | string): string {
    writeFileSync(this.path(name), bytes);
    return name;
  }

  /** 16 kHz mono speech, as flite makes it. */
  speak(name: string, text: string, voice: Voice = 'slt'): string {
    execFileSync('flite', ['-voice', voice, '-t', text, '-o', this.path(name)]);
    return name;
  }

  /** `sox <inputs...> <output> [effects]`; inputs and output are names in the studio. */
  sox(inputs: string[], output: string, outputOptions: string[] = [], effects: string[] = []): string {
    execFileSync('sox', [...inputs.map((i) => this.path(i)), ...outputOptions, this.path(output), ...effects], {
      stdio: 'pipe',
    });
    return output;
  }

  /** Silence made by sox from nothing; 0 seconds gives a file with a header and no samples. */
  silence(name: string, seconds: number, sampleRate = 8000): string {
    const format = ['-r', String(sampleRate), '-c', '1', '-b', '16'];
    execFileSync('sox', ['-n', ...format, this.path(name), 'trim', '0', String(seconds)]);
    return name;
  }

  /** Two voices side by side, one per channel, like an agent/customer call recording. */
  stereoCall(name: string, left: string, right: string): string {
    execFileSync('sox', ['-M', this.path(left), this.path(right), this.path(name)], { stdio: 'pipe' });
    return name;
  }

  /** A PNG of random pixels (barely compressible, so `size` 500 gives a picture of about 500 KB). */
  noisePicture(name: string, size: number): string {
    const source = `nullsrc=s=${size}x${size},geq=random(1)*255:128:128`;
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', source, '-frames:v', '1', this.path(name)]);
    return name;
  }

  /** Encodes `input` with `audioOptions` and embeds `picture` as cover art (ID3 APIC, FLAC PICTURE). */
  withCoverArt(input: string, picture: string, output: string, audioOptions: string[]): string {
    const mapping = ['-map', '0', '-map', '1', '-c:v', 'copy', '-disposition:v', 'attached_pic'];
    return this.ffmpeg(input, output, [...mapping, ...audioOptions], [picture]);
  }

  ffmpeg(input: string, output: string, options: string[], extraInputs: string[] = []): string {
    const inputs = [input, ...extraInputs].flatMap((i) => ['-i', this.path(i)]);
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...inputs, ...options, this.path(output)], { stdio: 'pipe' });
    return output;
  }

  /** Runs ffmpeg writing to a pipe, so the muxer cannot go back and fill in sizes. */
  ffmpegPiped(input: string, output: string, options: string[]): string {
    const bytes = execFileSync('ffmpeg', ['-loglevel', 'error', '-i', this.path(input), ...options, '-'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return this.write(output, bytes);
  }

  /** The first `length` bytes of a file, as an upload cut off there would leave it. */
  cut(name: string, length: number, output: string): string {
    return this.write(output, this.read(name).subarray(0, length));
  }

  soxiMs(name: string): number {
    return (
      Number(
        execFileSync('soxi', ['-D', this.path(name)])
          .toString()
          .trim(),
      ) * 1000
    );
  }

  ffprobe(name: string): ReferenceFacts {
    const json = execFileSync('ffprobe', [
      ...['-v', 'error', '-count_packets', '-select_streams', 'a:0', '-of', 'json'],
      ...['-show_entries', 'stream=codec_name,channels,sample_rate,duration,nb_read_packets'],
      this.path(name),
    ]).toString();
    const stream = JSON.parse(json).streams[0];
    return {
      codec: stream.codec_name,
      channels: Number(stream.channels),
      sampleRate: Number(stream.sample_rate),
      ffprobeMs: Number(stream.duration) * 1000,
      packets: Number(stream.nb_read_packets),
    };
  }

  /** Byte offsets and sizes of the audio packets ffprobe finds (MP3 frames). */
  packetPositions(name: string): Array<{ pos: number; size: number }> {
    const json = execFileSync('ffprobe', [
      '-v',
      'error',
      '-select_streams',
      'a:0',
      '-show_entries',
      'packet=pos,size',
      '-of',
      'json',
      this.path(name),
    ]).toString();
    const packets: Array<{ pos: string; size: string }> = JSON.parse(json).packets;
    return packets.map((p) => ({ pos: Number(p.pos), size: Number(p.size) }));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
