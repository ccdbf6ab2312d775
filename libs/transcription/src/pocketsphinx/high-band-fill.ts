import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_VOICE_ACTIVITY, detectVoiceActivity } from '../audio/voice-activity';
import { readWavFile } from '../audio/wav-file';
import { encodeWav } from '../audio/wav-encode';

/** Noise level relative to the speech RMS, before the high-pass filter halves it (about -29 dB). */
const NOISE_TO_SPEECH = 0.05;
const FILTER_TAPS = 63;

/**
 * The en-us model's filterbank reaches 6.8 kHz. Upsampled telephone audio is empty above 4 kHz, and
 * the decoder loses its way: the flite greeting came out as "ah hm". Faint noise in the empty band,
 * only while someone speaks, brings the features near what the model was trained on ("hello this is
 * largely man this is my name is ... can i help you today"). Noise in the silences as well made it
 * worse: a channel that starts with seconds of it decoded as "what". Returns the filled copy's path.
 */
export async function fillEmptyHighBand(wavPath: string, sourceSampleRate: number, workDir: string): Promise<string> {
  const { samples, sampleRate } = await readWavFile(wavPath);
  if (sourceSampleRate >= sampleRate) return wavPath;
  const frameLength = Math.round((sampleRate * DEFAULT_VOICE_ACTIVITY.frameMs) / 1000);
  const speech = detectVoiceActivity(samples, sampleRate, DEFAULT_VOICE_ACTIVITY);
  const level = speechRms(samples, speech, frameLength) * NOISE_TO_SPEECH;
  if (level === 0) return wavPath;

  const gate = smoothedGate(speech, frameLength, samples.length);
  const filter = highPass(sourceSampleRate / 2 / sampleRate);
  const noise = whiteNoise(samples.length + FILTER_TAPS);
  const filled = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    let added = 0;
    if (gate[i] > 0) {
      for (let tap = 0; tap < FILTER_TAPS; tap++) added += filter[tap] * noise[i + tap];
    }
    filled[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i] + gate[i] * level * added)));
  }
  const filledPath = join(workDir, 'high-band-filled.wav');
  await writeFile(filledPath, encodeWav([filled], sampleRate));
  return filledPath;
}

function speechRms(samples: Int16Array, speech: readonly boolean[], frameLength: number): number {
  let energy = 0;
  let count = 0;
  speech.forEach((isSpeech, frame) => {
    if (!isSpeech) return;
    for (let i = frame * frameLength; i < Math.min(samples.length, (frame + 1) * frameLength); i++) {
      energy += samples[i] * samples[i];
      count++;
    }
  });
  return count === 0 ? 0 : Math.sqrt(energy / count);
}

/** 1 in speech frames, 0 elsewhere, with one-frame ramps so the noise does not click on and off. */
function smoothedGate(speech: readonly boolean[], frameLength: number, length: number): Float32Array {
  const hard = new Float32Array(length);
  speech.forEach((isSpeech, frame) => {
    if (isSpeech) hard.fill(1, frame * frameLength, (frame + 1) * frameLength);
  });
  const smooth = new Float32Array(length);
  let sum = 0;
  for (let i = 0; i < length; i++) {
    sum += hard[i] - (i >= frameLength ? hard[i - frameLength] : 0);
    smooth[i] = sum / frameLength;
  }
  return smooth;
}

/** Windowed-sinc high-pass FIR; cutoff as a fraction of the sample rate. */
function highPass(cutoff: number): Float64Array {
  const middle = (FILTER_TAPS - 1) / 2;
  const taps = new Float64Array(FILTER_TAPS);
  for (let i = 0; i < FILTER_TAPS; i++) {
    const k = i - middle;
    const lowPass = k === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * k) / (Math.PI * k);
    const hamming = 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (FILTER_TAPS - 1));
    taps[i] = (k === 0 ? 1 : 0) - lowPass * hamming;
  }
  return taps;
}

/** Unit-RMS white noise from a fixed seed, so a recording always decodes to the same words. */
function whiteNoise(length: number): Float64Array {
  let state = 1;
  return Float64Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return ((state / 2147483648) * 2 - 1) * Math.sqrt(3);
  });
}
