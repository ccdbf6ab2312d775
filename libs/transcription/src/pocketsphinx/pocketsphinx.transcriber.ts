import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from '../engine/run-tool';
import type { RecognizedWord, TranscribeInput, TranscribeOptions, Transcriber } from '../transcriber';
import { TranscriptionError } from '../transcription-error';
import { fillEmptyHighBand } from './high-band-fill';
import { keywordListFile, mergeKeywordHits } from './keyword-spotting';
import { readLanguageModelVocabulary } from './language-model-vocabulary';
import { parsePocketsphinxOutput } from './pocketsphinx-output.parser';
import { loadPronouncingDictionary, writeExtendedDictionary } from './pronouncing-dictionary';
import { planVocabulary, type VocabularyPlan } from './vocabulary-plan';

export const DEFAULT_POCKETSPHINX_BINARY = 'pocketsphinx_continuous';
export const DEFAULT_POCKETSPHINX_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';
/** The recogniser's pronouncing dictionary, also used to match names by sound when scoring. */
export const DEFAULT_PRONOUNCING_DICTIONARY = join(DEFAULT_POCKETSPHINX_MODEL_DIR, 'cmudict-en-us.dict');
const MODEL_SAMPLE_RATE = 16000;

export interface PocketsphinxConfig {
  binary?: string;
  /** Holds `en-us/` (acoustic model), `en-us.lm.bin` and `cmudict-en-us.dict`. */
  modelDir?: string;
  /** Where extended dictionaries are kept between jobs. */
  cacheDir?: string;
}

export function pocketsphinxModelFiles(modelDir: string) {
  return {
    acousticModel: join(modelDir, 'en-us'),
    languageModel: join(modelDir, 'en-us.lm.bin'),
    dictionary: join(modelDir, 'cmudict-en-us.dict'),
  };
}

/**
 * CMU pocketsphinx with its US English model. Vocabulary words the language model lacks get
 * dictionary entries and are found by a second, keyword-spotting pass (see keyword-spotting.ts).
 */
export class PocketsphinxTranscriber implements Transcriber {
  readonly engineName = 'pocketsphinx';
  private readonly binary: string;
  private readonly files: ReturnType<typeof pocketsphinxModelFiles>;
  private readonly cacheDir: string;

  constructor(config: PocketsphinxConfig = {}) {
    this.binary = config.binary ?? DEFAULT_POCKETSPHINX_BINARY;
    this.files = pocketsphinxModelFiles(config.modelDir ?? DEFAULT_POCKETSPHINX_MODEL_DIR);
    this.cacheDir = config.cacheDir ?? join(tmpdir(), 'callgrade-pocketsphinx');
  }

  async transcribe(input: TranscribeInput, options: TranscribeOptions = {}): Promise<RecognizedWord[]> {
    this.assertUsable(input);
    const deadline = options.timeoutMs ? Date.now() + options.timeoutMs : undefined;
    const plan = await this.planVocabulary(input.vocabulary ?? []);
    const dictionary = await writeExtendedDictionary(this.files.dictionary, plan.additions, this.cacheDir);

    const workDir = await mkdtemp(join(tmpdir(), 'callgrade-pocketsphinx-'));
    try {
      const wavPath = await this.audioForModel(input, workDir);
      const recognised = await this.decode(wavPath, ['-lm', this.files.languageModel, '-dict', dictionary], options.signal, deadline);
      if (plan.keywords.length === 0) return recognised;

      const keywordFile = join(workDir, 'keywords.txt');
      await writeFile(keywordFile, keywordListFile(plan.keywords));
      const hits = await this.decode(wavPath, ['-kws', keywordFile, '-dict', dictionary], options.signal, deadline);
      return mergeKeywordHits(recognised, hits);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }

  private async audioForModel(input: TranscribeInput, workDir: string): Promise<string> {
    const narrowband = input.sourceSampleRate !== undefined && input.sourceSampleRate < MODEL_SAMPLE_RATE;
    return narrowband ? fillEmptyHighBand(input.wavPath, input.sourceSampleRate as number, workDir) : input.wavPath;
  }

  private assertUsable(input: TranscribeInput): void {
    if (input.language && !/^en\b/i.test(input.language)) {
      throw new TranscriptionError('unsupported_language', `pocketsphinx has only a US English model here, not "${input.language}"`);
    }
    const missing = Object.values(this.files).filter((path) => !existsSync(path));
    if (missing.length > 0) {
      throw new TranscriptionError('model_missing', `pocketsphinx model files missing: ${missing.join(', ')} (Debian: apt-get install pocketsphinx-en-us)`);
    }
  }

  private async planVocabulary(vocabulary: readonly string[]): Promise<VocabularyPlan> {
    if (vocabulary.length === 0) return { additions: new Map(), keywords: [] };
    const [dictionary, languageModelWords] = await Promise.all([
      loadPronouncingDictionary(this.files.dictionary),
      readLanguageModelVocabulary(this.files.languageModel),
    ]);
    return planVocabulary(vocabulary, dictionary, languageModelWords);
  }

  private async decode(wavPath: string, searchArgs: string[], signal: AbortSignal | undefined, deadline: number | undefined) {
    const timeoutMs = deadline === undefined ? undefined : Math.max(1, deadline - Date.now());
    const args = ['-infile', wavPath, '-hmm', this.files.acousticModel, ...searchArgs, '-time', 'yes'];
    const { stdout } = await runTool(this.binary, args, { toolName: 'pocketsphinx', signal, timeoutMs });
    return parsePocketsphinxOutput(stdout);
  }
}
