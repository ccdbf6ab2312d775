export interface WhisperArgsConfig {
  modelPath: string;
  wavPath: string;
  /** Path without extension; whisper.cpp writes `<outputBase>.json`. */
  outputBase: string;
  threads?: number;
  /** ISO 639-1 code or a locale like "en-GB"; omitted means whisper detects it. */
  language?: string;
  vocabulary?: readonly string[];
}

/**
 * Arguments for whisper.cpp's `main` example (flags as in its examples/main/main.cpp):
 * one segment per word (`-ml 1 -sow`) so each word gets its own timestamps, and the full JSON
 * (`-ojf`) because only it carries per-token probabilities for word confidence.
 */
export function buildWhisperArgs(config: WhisperArgsConfig): string[] {
  const args = [
    '--model',
    config.modelPath,
    '--file',
    config.wavPath,
    '--threads',
    String(config.threads ?? 2),
    '--language',
    whisperLanguage(config.language),
    '--max-len',
    '1',
    '--split-on-word',
    '--output-json-full',
    '--output-file',
    config.outputBase,
  ];
  const prompt = vocabularyPrompt(config.vocabulary ?? []);
  if (prompt) args.push('--prompt', prompt);
  return args;
}

function whisperLanguage(language: string | undefined): string {
  if (!language) return 'auto';
  return language.split(/[-_]/)[0].toLowerCase();
}

/** Whisper continues the style and spelling of its initial prompt, so listing names makes it spell them. */
export function vocabularyPrompt(vocabulary: readonly string[]): string | undefined {
  const names = [...new Set(vocabulary.map((name) => name.trim()).filter(Boolean))];
  return names.length > 0 ? `${names.join(', ')}.` : undefined;
}
