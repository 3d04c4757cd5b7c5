// Starting the real `router` processes for end-to-end tests: the emulator on a free loopback
// port and the language server over stdio, with a temporary router.yaml pointing at it.
'use strict';
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** `dotnet <dll> ...args`, after checking that the dll is built. */
function dotnetCommand(dll, args) {
  if (!fs.existsSync(dll)) {
    throw new Error(`not built: ${dll} is missing (run: dotnet build -c Release)`);
  }
  return ['dotnet', [dll, ...args]];
}

/** The command that runs `router`: ROUTER_COMMAND, an installed or published `router` executable (build.cake's
 * TestTool names the one `dotnet tool install` put on PATH); else ROUTER_DLL (set by build.cake) or the Release build. */
function routerCommand(...args) {
  const executable = process.env.ROUTER_COMMAND;
  if (executable) {
    if (!fs.existsSync(executable)) throw new Error(`ROUTER_COMMAND names ${executable}, which does not exist`);
    return [executable, args];
  }
  return dotnetCommand(process.env.ROUTER_DLL || path.join(repoRoot, 'artifacts', 'bin', 'Router.Cli', 'release', 'router.dll'), args);
}

/** The command that runs the repository's Ollama emulator (not part of the shipped `router`). */
function emulatorCommand(...args) {
  return dotnetCommand(
    process.env.ROUTER_EMULATOR_DLL || path.join(repoRoot, 'artifacts', 'bin', 'Router.Emulator', 'release', 'router-emulator.dll'), args);
}

/** A folder holding a `router` executable that runs the built server, for configurations that run
 * `router` from PATH as docs/editors.md tells users to. */
function routerBinDir() {
  const [cmd, args] = routerCommand();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'router-bin-'));
  const quoted = [cmd, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  fs.writeFileSync(path.join(dir, 'router'), `#!/bin/sh\nexec ${quoted} "$@"\n`, { mode: 0o755 });
  return dir;
}

/** Starts `router-emulator --port 0` and resolves once it prints the URL it listens on. */
async function startEmulator(extraArgs = ['--time-scale', '0.1']) {
  const [cmd, args] = emulatorCommand('--port', '0', ...extraArgs);
  const child = cp.spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const lines = readline.createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start in 60 s: ${stderr}`)), 60000);
    lines.on('line', (line) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`emulator exited ${code}: ${stderr}`)); });
  });
  return {
    url,
    async requests() {
      const res = await fetch(`${url}/_emulator/requests`);
      if (!res.ok) throw new Error(`emulator request log: HTTP ${res.status}`);
      return res.json();
    },
    async setFaults(faults) {
      const res = await fetch(`${url}/_emulator/faults`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults),
      });
      if (!res.ok) throw new Error(`emulator faults: HTTP ${res.status} ${await res.text()}`);
    },
    stop() { child.kill(); },
  };
}

/** Starts `router serve --config DIR/router.yaml --listen 127.0.0.1:0` in DIR (its state there too) and resolves with its
 * base URL once it says where it listens. */
async function startServe(dir, ...extra) {
  const [cmd, args] = routerCommand('serve', '--config', path.join(dir, 'router.yaml'), '--listen', '127.0.0.1:0', ...extra);
  const child = cp.spawn(cmd, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_STATE_HOME: dir } });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const lines = readline.createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`router serve did not start in 60 s: ${stderr}`)), 60000);
    lines.on('line', (line) => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(line);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`router serve exited ${code}: ${stderr}`)); });
  });
  return { url, child, stderr: () => stderr, stop: () => child.kill() };
}

/** A workspace folder with a router.yaml whose every tier points at the emulator. */
function makeWorkspace(emulatorUrl) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'router-e2e-'));
  fs.writeFileSync(path.join(dir, 'router.yaml'), [
    'endpoints:',
    '  emu:',
    '    provider: ollama',
    `    url: ${emulatorUrl}`,
    'tiers:',
    '  quick: { model: "qwen2.5:3b", endpoints: [emu], contextTokens: 8192 }',
    '  code: { model: "qwen2.5-coder:14b", endpoints: [emu], contextTokens: 16384 }',
    '  reasoning: { model: "deepseek-r1:8b", endpoints: [emu], contextTokens: 16384 }',
    '  heavy: { model: "qwen2.5-coder:32b", endpoints: [emu], contextTokens: 32768 }',
    '  vision: { model: "granite3.2-vision:2b", endpoints: [emu], contextTokens: 8192 }',
    'routes: { completion: code, explain: quick, refactor: heavy }',
    '',
  ].join('\n'));
  return dir;
}

/** Polls until `probe()` returns a truthy value; waits on a condition instead of sleeping. */
async function waitFor(probe, what, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

module.exports = { repoRoot, routerCommand, routerBinDir, startEmulator, startServe, makeWorkspace, waitFor };
