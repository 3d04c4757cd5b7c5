// Bundles the extension with esbuild into dist/extension.js (--production: minified, no source
// map); --tests bundles each test/*.test.ts into out/test/ for node's test runner.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', absWorkingDir: root };

if (tests) {
  const dir = path.join(root, 'test');
  const entryPoints = fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => path.join(dir, f));
  fs.rmSync(path.join(root, 'out', 'test'), { recursive: true, force: true });
  // The tests cover the pure modules; importing `vscode` there would fail here, as it should.
  await esbuild.build({ ...common, entryPoints, outdir: path.join(root, 'out', 'test'), sourcemap: 'inline' });
} else {
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'src', 'extension.ts')],
    outfile: path.join(root, 'dist', 'extension.js'),
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
  });
}
