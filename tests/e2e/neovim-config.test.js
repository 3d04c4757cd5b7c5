// Neovim, headless, with the init.lua that docs/editors.md gives users, runs `router lsp` from PATH.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { routerBinDir, startEmulator, makeWorkspace } = require('./lib/router');
const { documentedBlock } = require('./lib/docs');

const haveNvim = cp.spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

let emulator;
let workspace;
let binDir;

before(async () => {
  if (!haveNvim) return;
  emulator = await startEmulator();
  workspace = makeWorkspace(emulator.url);
  fs.writeFileSync(path.join(workspace, 'stats.py'), 'import math\n\n\nprint(mean([1, 2]))\n');
  binDir = routerBinDir();
});

after(() => {
  emulator?.stop();
  for (const dir of [workspace, binDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// As in neovim.test.js: on CI Neovim is installed by test.sh, so a missing nvim there is a failure.
test('the documented init.lua attaches router to a Python buffer: completion from the code model, the code actions', { skip: !haveNvim && !process.env.CI && 'nvim not installed' }, async () => {
  assert.ok(haveNvim, 'nvim must be installed (apt-get install -y neovim)');
  const init = path.join(workspace, 'init.lua');
  fs.writeFileSync(init, documentedBlock('Neovim', 'lua'));
  const before = (await emulator.requests()).length;
  const run = cp.spawnSync('nvim', ['--headless', '-u', init, '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'neovim-config-client.lua')}`], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 90000,
    // A fresh HOME and XDG dirs: no user's own plugins or config change what is tested.
    env: { ...process.env, PATH: `${binDir}:${process.env.PATH}`, HOME: workspace, XDG_CONFIG_HOME: path.join(workspace, '.config'), XDG_DATA_HOME: path.join(workspace, '.local'), ROUTER_WORKSPACE: workspace },
  });
  const steps = Object.fromEntries(run.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => {
    const { step, value } = JSON.parse(l);
    return [step, value];
  }));
  assert.equal(steps.error, undefined, `the Lua client failed: ${steps.error}\n${run.stderr}`);
  assert.equal(steps.filetype, 'python');
  assert.deepEqual(steps.client, { name: 'router', attached: true, omnifunc: 'v:lua.vim.lsp.omnifunc' });

  const completion = steps.completion.result;
  const items = Array.isArray(completion) ? completion : completion.items;
  assert.equal(items.length, 1, `one completion item: ${JSON.stringify(completion)}`);
  const asked = (await emulator.requests()).slice(before).filter((r) => r.endpoint === '/api/generate' && (r.prompt || r.suffix));
  assert.ok(asked.length >= 1 && asked.every((r) => r.model === 'qwen2.5-coder:14b'), `the code tier model answered: ${JSON.stringify(asked.map((r) => r.model))}`);
  assert.ok(asked.some((r) => r.prompt.includes('def mean(values):')), 'the typed text reached the server through Neovim\'s didChange');

  for (const title of ['Explain with AI', 'Add error handling (AI)', 'Extract function (AI)', 'Simplify (AI)']) {
    assert.ok(steps.codeActions.includes(title), `"${title}" is offered: ${JSON.stringify(steps.codeActions)}`);
  }
  assert.equal(steps.stopped, true);
});
