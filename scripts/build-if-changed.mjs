// Builds the platform only when its sources changed since the last build, so `npm start` is quick the
// second time. The stamp is a hash of every file the build reads; `npm run build` always rebuilds.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_DIRS = ['apps', 'libs', 'bench'];
const SOURCE_FILES = ['package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];
const STAMP = join('dist', '.source-hash');
const ENTRY = join('dist', 'apps', 'platform', 'src', 'main.js');

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'out') yield* filesUnder(path);
    } else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) yield path;
  }
}

function sourceHash() {
  const hash = createHash('sha256');
  const files = [...SOURCE_DIRS.filter((d) => existsSync(d)).flatMap((d) => [...filesUnder(d)]), ...SOURCE_FILES.filter((f) => existsSync(f))].sort();
  for (const file of files) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const wanted = sourceHash();
const built = existsSync(STAMP) && existsSync(ENTRY) ? readFileSync(STAMP, 'utf8').trim() : null;
if (built === wanted) process.exit(0);

console.log(built === null ? 'Building Callgrade (first start: about a minute)...' : 'Sources changed since the last build: rebuilding...');
const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
writeFileSync(STAMP, `${wanted}\n`);
