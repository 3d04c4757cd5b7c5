// Emacs's eglot, in batch mode, runs `router lsp` with the init.el that docs/editors.md gives users.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { routerBinDir, startEmulator, makeWorkspace } = require('./lib/router');
const { documentedBlock } = require('./lib/docs');

const codeModel = 'qwen2.5-coder:14b';
const quickModel = 'qwen2.5:3b';
const heavyModel = 'qwen2.5-coder:32b';
// The emulator's reply switch gives the quick and heavy models a fixed answer each, so the test can
// check that exactly what that model answered reached the buffer.
const explanation = 'mean returns the arithmetic mean of values: their sum divided by how many there are.';
const refactored = 'def mean(values):\n    if not values:\n        raise ValueError("mean() needs at least one value")\n    return sum(values) / len(values)';

const emacs = cp.spawnSync('emacs', ['--batch', '--eval', '(progn (package-initialize) (require (quote eglot)) (princ emacs-version))'], { encoding: 'utf8' });

let emulator;
let workspace;
let binDir;

before(async () => {
  if (emacs.status !== 0) return;
  emulator = await startEmulator();
  workspace = makeWorkspace(emulator.url);
  fs.writeFileSync(path.join(workspace, 'stats.py'), 'import math\n\n\nprint(mean([1, 2]))\n');
  binDir = routerBinDir();
  await emulator.setFaults({ model: quickModel, reply: explanation });
  await emulator.setFaults({ model: heavyModel, reply: `With error handling:\n\n\`\`\`python\n${refactored}\n\`\`\`\n` });
});

after(() => {
  emulator?.stop();
  for (const dir of [workspace, binDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('eglot with the documented init.el completes, explains, refactors and shows the route', async () => {
  assert.equal(emacs.status, 0, `Emacs 28 with eglot is needed: apt-get install -y emacs-nox elpa-eglot\n${emacs.error?.message ?? emacs.stderr}`);
  const init = path.join(workspace, 'init.el');
  fs.writeFileSync(init, documentedBlock('Emacs (eglot)', 'elisp'));
  const before = (await emulator.requests()).length;
  const run = cp.spawnSync('emacs', ['--batch', '-l', path.join(__dirname, 'eglot-client.el')], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 150000,
    // HOME: a fresh one, so no user's own init or packages change what is tested.
    env: { ...process.env, PATH: `${binDir}:${process.env.PATH}`, HOME: workspace, ROUTER_WORKSPACE: workspace, ROUTER_EGLOT_INIT: init },
  });
  const steps = Object.fromEntries(run.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => {
    const { step, value } = JSON.parse(l);
    return [step, value];
  }));
  const log = `\n--- emacs stderr ---\n${run.stderr}`;
  assert.equal(steps.error, undefined, `the eglot client failed: ${steps.error}${log}`);
  assert.ok(steps.connected, `eglot connected to router lsp${log}`);

  // eglot 1.9 has no inline completion: the server answers its textDocument/completion with one item.
  assert.equal(steps.candidates.length, 1, `one completion candidate: ${JSON.stringify(steps.candidates)}`);
  const completed = steps.completedLine;
  assert.notEqual(completed.after, completed.before, `completion-at-point inserted the suggestion: ${JSON.stringify(completed)}`);
  assert.ok(completed.after.startsWith('    return '), `after what was typed: ${JSON.stringify(completed)}`);
  assert.equal(steps.modeLine, `code · ${codeModel}@emu`, 'the mode line names the code tier model');

  assert.ok(steps.codeActions.includes('Explain with AI') && steps.codeActions.includes('Add error handling (AI)'),
    `the code actions on the region: ${JSON.stringify(steps.codeActions)}`);
  assert.ok(steps.answer.includes(`quick · ${quickModel}@emu`), `the answer names the quick tier model:\n${steps.answer}`);
  assert.ok(steps.answer.includes(explanation), `the answer is the quick model's:\n${steps.answer}`);

  assert.ok(steps.refactored.includes(`${refactored}\n`), `the region became the heavy model's code:\n${steps.refactored}`);
  assert.ok(steps.refactored.startsWith('import math\n') && steps.refactored.endsWith('print(mean([1, 2]))\n'), `the rest is untouched:\n${steps.refactored}`);

  assert.equal(steps.actionCommand, 'router.refactor', 'the refactor code action comes as a command to eglot, which cannot resolve it');
  assert.equal(steps.actionApplied, true, 'running it gave an edit that eglot applied through workspace/applyEdit');

  assert.match(steps.decisions, new RegExp(`refactor → heavy ${heavyModel}@emu`), `router-why-this-model lists the refactor:\n${steps.decisions}`);
  assert.match(steps.decisions, new RegExp(`explain → quick ${quickModel}@emu`), `and the explanation:\n${steps.decisions}`);
  assert.equal(steps.shutdown, true, 'eglot shut the server down');

  const asked = (await emulator.requests()).slice(before).filter((r) => (r.endpoint === '/api/generate' || r.endpoint === '/api/chat') && (r.prompt || r.suffix));
  const models = new Set(asked.map((r) => r.model));
  assert.deepEqual([...models].sort(), [codeModel, heavyModel, quickModel].sort(), `each feature asked its tier's model: ${JSON.stringify(asked.map((r) => [r.endpoint, r.model]))}`);
  assert.ok(asked.some((r) => r.model === codeModel && r.prompt.includes('def mean(values):')), 'the typed text reached the server through eglot\'s didChange');
});

