// Neovim's built-in LSP client, headless, gets a completion from `router lsp`.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const path = require('node:path');
const { routerCommand, startEmulator, makeWorkspace } = require('./lib/router');

const nvim = cp.spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const haveNvim = nvim.status === 0;

let emulator;
let workspace;

before(async () => {
  if (!haveNvim) return;
  emulator = await startEmulator();
  workspace = makeWorkspace(emulator.url);
});

after(() => emulator?.stop());

// On CI Neovim is installed by test.sh, so a missing nvim there is a failure, not a skip.
test('Neovim gets an inline completion and a classic completion from the code model', { skip: !haveNvim && !process.env.CI && 'nvim not installed' }, async () => {
  assert.ok(haveNvim, 'nvim must be installed (test.sh installs it with apt-get)');
  const [cmd, args] = routerCommand('lsp', '--config', path.join(workspace, 'router.yaml'));
  const before = (await emulator.requests()).length;
  const run = cp.spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'neovim-client.lua')}`], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 90000,
    env: { ...process.env, ROUTER_LSP_CMD: JSON.stringify([cmd, ...args]), ROUTER_WORKSPACE: workspace },
  });
  const steps = Object.fromEntries(run.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => {
    const { step, value } = JSON.parse(l);
    return [step, value];
  }));
  assert.equal(steps.error, undefined, `the Lua client failed: ${steps.error}\n${run.stderr}`);
  assert.ok(steps.capabilities.inlineCompletionProvider, 'server offers inline completion');

  const inline = steps.inlineCompletion.result;
  const items = Array.isArray(inline) ? inline : inline.items;
  assert.ok(items.length >= 1 && items[0].insertText.trim().length > 0, `an inline suggestion: ${JSON.stringify(inline)}`);

  const classic = steps.completion.result;
  const classicItems = Array.isArray(classic) ? classic : classic.items;
  assert.ok(classicItems.length >= 1, `a classic completion item: ${JSON.stringify(classic)}`);

  const asked = (await emulator.requests()).slice(before).filter((r) => r.endpoint === '/api/generate' && (r.prompt || r.suffix));
  assert.ok(asked.length >= 1, 'the model was asked');
  assert.ok(asked.every((r) => r.model === 'qwen2.5-coder:14b'), 'every completion went to the code tier model');
  assert.ok(asked[0].prompt.includes('\treturn '), 'the typed text reached the server through Neovim\'s didChange');
  assert.equal(steps.exit, 0, 'the server exits 0 after Neovim\'s shutdown + exit');
});
