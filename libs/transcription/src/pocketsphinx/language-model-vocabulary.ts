import { open } from 'node:fs/promises';

const TRIE_MAGIC = 'Trie Language Model';
const cache = new Map<string, Promise<ReadonlySet<string> | undefined>>();

/**
 * The words a binary (trie) sphinx language model can produce. The format ends with its unigram
 * strings, NUL-separated, and stores the unigram count right after the magic and the order byte.
 * Returns undefined for any other format, so callers treat every vocabulary word as unknown.
 */
export function readLanguageModelVocabulary(lmPath: string): Promise<ReadonlySet<string> | undefined> {
  let vocabulary = cache.get(lmPath);
  if (!vocabulary) {
    vocabulary = readTrieVocabulary(lmPath).catch(() => undefined);
    cache.set(lmPath, vocabulary);
  }
  return vocabulary;
}

async function readTrieVocabulary(lmPath: string): Promise<ReadonlySet<string> | undefined> {
  const file = await open(lmPath, 'r');
  try {
    const header = Buffer.alloc(TRIE_MAGIC.length + 5);
    await file.read(header, 0, header.length, 0);
    if (header.toString('latin1', 0, TRIE_MAGIC.length) !== TRIE_MAGIC) return undefined;
    const unigramCount = header.readUInt32LE(TRIE_MAGIC.length + 1);
    const { size } = await file.stat();
    // Unigram strings average well under 16 bytes; read a generous tail.
    const tailLength = Math.min(size, unigramCount * 32 + 64);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    return lastStrings(tail, unigramCount);
  } finally {
    await file.close();
  }
}

function lastStrings(buffer: Buffer, count: number): ReadonlySet<string> | undefined {
  const words = new Set<string>();
  let end = buffer[buffer.length - 1] === 0 ? buffer.length - 1 : buffer.length;
  for (let found = 0; found < count; found++) {
    const start = buffer.lastIndexOf(0, end - 1);
    if (start < 0) return undefined;
    words.add(buffer.toString('utf8', start + 1, end));
    end = start;
  }
  return words;
}
