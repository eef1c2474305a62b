import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { builtEntry, staleOutputs, staleWebApp } from './support/processes.js';

/** Writes `path` under `root` with the given modification time (seconds since the epoch). */
function file(root: string, path: string, mtime: number): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, '// test\n');
  utimesSync(full, mtime, mtime);
}

describe('Child-process suites refuse a stale build', () => {
  const root = mkdtempSync(join(tmpdir(), 'ltc-freshness-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists every built source the last build has not seen, or without output, and ignores tests', () => {
    file(root, 'dist/.tsbuildinfo', 2000);
    file(root, 'libs/a/src/fresh.ts', 1000);
    file(root, 'dist/libs/a/src/fresh.js', 2000);
    file(root, 'libs/a/src/edited.ts', 3000);
    file(root, 'dist/libs/a/src/edited.js', 2000);
    file(root, 'apps/api/src/new-file.ts', 1000);
    file(root, 'libs/a/src/types.d.ts', 9000);
    file(root, 'libs/a/src/fresh.spec.ts', 9000);
    file(root, 'libs/a/test/helper.ts', 9000);
    file(root, 'test/support/x.ts', 9000);
    // Vite builds the web app into dist/web; tsc never compiles it.
    file(root, 'apps/web/src/lead-filters.ts', 9000);
    // Reformatted before the last build: tsc left its identical output as it was.
    file(root, 'libs/a/src/reformatted.ts', 1500);
    file(root, 'dist/libs/a/src/reformatted.js', 1000);
    expect(staleOutputs(root).sort()).toEqual(['apps/api/src/new-file.ts', 'libs/a/src/edited.ts']);
  });

  it('will not hand out an entry point while a source is newer than the last build', () => {
    file(root, 'apps/worker/src/main.ts', 1000);
    file(root, 'dist/apps/worker/src/main.js', 2000);
    expect(() => builtEntry('worker', root)).toThrow(
      /dist\/ is older than 2 source file\(s\), e\.g\. .*apps\/api\/src\/new-file\.ts.*: run "npm run build"/,
    );
  });

  it('finds nothing stale once a build has seen every source and left an output for each', () => {
    file(root, 'dist/libs/a/src/edited.js', 4000);
    file(root, 'dist/apps/api/src/new-file.js', 4000);
    file(root, 'dist/.tsbuildinfo', 4000);
    expect(staleOutputs(root)).toEqual([]);
    expect(builtEntry('worker', root)).toBe(join(root, 'dist', 'apps', 'worker', 'src', 'main.js'));
  });

  it('names the web app sources its last build (dist/web/index.html) has not seen', () => {
    file(root, 'dist/web/index.html', 5000);
    file(root, 'apps/web/index.html', 4000);
    expect(staleWebApp(root)).toEqual(['apps/web/src/lead-filters.ts']);
    file(root, 'dist/web/index.html', 9500);
    expect(staleWebApp(root)).toEqual([]);
  });
});
