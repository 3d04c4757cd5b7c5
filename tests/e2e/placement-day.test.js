// The placement-day benchmark (bench/placement-day) on its short day, as a smoke test: a coding session, a break longer
// than Ollama's default keep_alive, another session, with a quick, a code, a vision and a reasoning ask, through the real
// `router lsp` against a fresh emulated 24 GB host per variant.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const cp = require('node:child_process');
const path = require('node:path');
const { repoRoot } = require('./lib/router');

test('with placement the code model outlives a break longer than keep_alive; with plain Ollama eviction the next completion loads it cold', () => {
  const run = cp.spawnSync(process.execPath, [path.join(repoRoot, 'bench', 'placement-day', 'run.js'), '--short', '--json', '--time-scale', '0.02'],
    { encoding: 'utf8', timeout: 240000 });
  assert.strictEqual(run.status, 0, `the benchmark failed: ${run.stderr}`);
  const [placed, plain] = JSON.parse(run.stdout).runs;

  // Every request of the day named the plan's keep_alive with placement, none without.
  assert.deepStrictEqual(placed.keepAlive, { 'qwen2.5-coder:14b': '-1', 'qwen3:4b': '-1', 'qwen2.5vl:7b': '2m', 'deepseek-r1:8b': '2m' });
  assert.deepStrictEqual(Object.values(plain.keepAlive), [null, null, null, null]);

  assert.strictEqual(placed.byKind.completion.count, 27);
  assert.strictEqual(placed.byKind.completion.cold, 0, 'a completion waited for a cold load of the kept code model');
  assert.strictEqual(plain.byKind.completion.cold, 1, 'the first completion after the break should reload the code model');
  assert.ok(placed.waitedLoads < plain.waitedLoads, `placement waited for ${placed.waitedLoads} cold loads, plain Ollama for ${plain.waitedLoads}`);
});
