import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLanguageModelVocabulary as sut } from './language-model-vocabulary';
import { DEFAULT_POCKETSPHINX_MODEL_DIR, pocketsphinxModelFiles } from './pocketsphinx.transcriber';

describe('readLanguageModelVocabulary', () => {
  it('reads the words of the installed en-us trie language model', async () => {
    const words = await sut(pocketsphinxModelFiles(DEFAULT_POCKETSPHINX_MODEL_DIR).languageModel);

    expect(words?.size).toBe(72547);
    expect(words?.has('hello')).toBe(true);
    expect(words?.has('north')).toBe(true);
    expect(words?.has('northwind')).toBe(false);
    expect(words?.has('priya')).toBe(false);
  });

  it('returns undefined for a file of another format', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lm-vocab-'));
    try {
      const arpa = join(dir, 'model.arpa');
      await writeFile(arpa, '\\data\\\nngram 1=2\n');
      await expect(sut(arpa)).resolves.toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
