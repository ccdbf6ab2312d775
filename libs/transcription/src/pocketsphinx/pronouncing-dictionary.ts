import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, copyFile, mkdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pronounce, type PronouncingDictionary } from './pronunciation';

const loaded = new Map<string, Promise<PronouncingDictionary>>();

/** Reads a CMU-style dictionary ("word(2) PH ONES") once per process. */
export function loadPronouncingDictionary(path: string): Promise<PronouncingDictionary> {
  let dictionary = loaded.get(path);
  if (!dictionary) {
    dictionary = readFile(path, 'utf8').then(parseDictionary);
    dictionary.catch(() => loaded.delete(path));
    loaded.set(path, dictionary);
  }
  return dictionary;
}

export function parseDictionary(text: string): PronouncingDictionary {
  const entries = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const space = line.search(/\s/);
    if (space <= 0) continue;
    const word = line.slice(0, space).replace(/\(\d+\)$/, '');
    const phones = line.slice(space).trim().replace(/\s+/g, ' ');
    if (!phones) continue;
    const list = entries.get(word);
    if (list) list.push(phones);
    else entries.set(word, [phones]);
  }
  return entries;
}

/**
 * A copy of the system dictionary with extra entries appended, stored under a name derived from its
 * content so every job with the same vocabulary reuses one file.
 */
export async function writeExtendedDictionary(systemDictPath: string, additions: ReadonlyMap<string, readonly string[]>, cacheDir: string): Promise<string> {
  if (additions.size === 0) return systemDictPath;
  const lines = [...additions.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([word, variants]) => variants.map((phones, i) => `${i === 0 ? word : `${word}(${i + 1})`} ${phones}`));
  const body = `${lines.join('\n')}\n`;
  const systemStat = await stat(systemDictPath);
  const hash = createHash('sha256').update(`${systemDictPath}:${systemStat.size}:${systemStat.mtimeMs}\n${body}`).digest('hex');
  const target = join(cacheDir, `dictionary-${hash.slice(0, 16)}.dict`);
  if (existsSync(target)) return target;

  await mkdir(cacheDir, { recursive: true });
  // Written beside the target and renamed, so a concurrent job never reads a half-written file.
  const partial = `${target}.${process.pid}.${Date.now()}.partial`;
  await copyFile(systemDictPath, partial);
  await appendFile(partial, body);
  await rename(partial, target);
  return target;
}

/**
 * The recogniser's pronouncing dictionary as a lookup for phrase matching: a word's pronunciations,
 * from the dictionary, else composed from dictionary words and spelling rules. Empty when the
 * dictionary cannot be read (names are then matched by spelling only).
 */
export async function loadWordPronouncer(path: string): Promise<(word: string) => string[]> {
  const dictionary = await loadPronouncingDictionary(path).catch(() => undefined);
  if (!dictionary) return () => [];
  return (word) => (/^[a-z']+$/.test(word) ? pronounce(word, dictionary) : []);
}
