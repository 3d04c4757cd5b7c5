#!/usr/bin/env node
// Cold start benchmark: spawns each published flavour of `router lsp` in turn, round after round, and times spawn →
// `initialize` result, then spawn → the first inline completion (an explicit request to an instant emulated host).
// Prints medians and each flavour's ratio to the framework-dependent build, all measured in this one run.
//
//   node bench/startup/run.js [--runs N] [--flavour NAME=PATH ...]
//
// Default flavours (skipped when not published; `dotnet cake --target=PublishServer` publishes all three):
//   framework-dependent  artifacts/publish/router/router          (needs a .NET runtime; the universal .vsix ships it)
//   ready-to-run         artifacts/publish/linux-x64-r2r/router   (trimmed ReadyToRun single file, as the other platforms ship)
//   native-aot           artifacts/publish/linux-x64/router       (what linux-x64 ships)
'use strict';
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const P = require('vscode-languageserver-protocol');
const { repoRoot, startEmulator, makeWorkspace } = require('../../tests/e2e/lib/router');
const { table } = require('../lib/table');

const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const runs = Number(option('--runs') ?? 20);
const publish = (...parts) => path.join(repoRoot, 'artifacts', 'publish', ...parts);
const named = args.flatMap((a, i) => (a === '--flavour' ? [args[i + 1].split('=')] : [])).map(([name, file]) => [name, path.resolve(file)]);
const flavours = (named.length > 0 ? named : [
  ['framework-dependent', publish('router', 'router')],
  ['ready-to-run', publish('linux-x64-r2r', 'router')],
  ['native-aot', publish('linux-x64', 'router')],
]).filter(([name, file]) => {
  if (fs.existsSync(file)) return true;
  console.log(`${name}: not published (${path.relative(repoRoot, file)} is missing), left out`);
  return false;
});

const now = () => performance.now();
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The CPU time (user + system) a process has used so far, from /proc (Linux; null elsewhere). Less sensitive to a busy
 * machine than wall time: it counts the work of starting, not the wait for a core. Clock ticks are 10 ms. */
function cpuMilliseconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** One cold start: spawn → initialize result → first inline completion; then a clean shutdown. */
async function coldStart(file, workspace) {
  const started = now();
  const child = cp.spawn(file, ['lsp', '--config', path.join(workspace, 'router.yaml')], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.listen();
  try {
    await conn.sendRequest(P.InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      capabilities: { textDocument: { inlineCompletion: {}, synchronization: {} } },
    });
    const initialized = now() - started;
    const cpu = cpuMilliseconds(child.pid);
    await conn.sendNotification(P.InitializedNotification.type, {});
    const uri = pathToFileURL(path.join(workspace, 'start.py')).href;
    const text = 'import math\n\n\ndef area(r):\n    return ';
    await conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version: 1, text } });
    const result = await conn.sendRequest(P.InlineCompletionRequest.type, {
      textDocument: { uri }, position: { line: 4, character: 11 },
      context: { triggerKind: P.InlineCompletionTriggerKind.Invoked },
    });
    const completed = now() - started;
    const items = Array.isArray(result) ? result : result?.items ?? [];
    if (items.length === 0) throw new Error(`no inline completion from ${file}: ${stderr}`);
    await conn.sendRequest(P.ShutdownRequest.type);
    await conn.sendNotification(P.ExitNotification.type);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    return { initialized, completed, cpu };
  } finally {
    conn.dispose();
    child.kill();
  }
}

async function main() {
  if (flavours.length === 0) throw new Error('nothing published to measure: run `dotnet cake --target=PublishServer` first');
  const emulator = await startEmulator(['--time-scale', '0']);
  const workspace = makeWorkspace(emulator.url);
  const samples = new Map(flavours.map(([name]) => [name, { initialized: [], completed: [], cpu: [] }]));
  try {
    // One unmeasured start each brings the files into the page cache, so every measured start reads the same way.
    for (const [, file] of flavours) await coldStart(file, workspace);
    // Round after round, every flavour once per round: a busy moment on the machine falls on all of them alike.
    for (let i = 0; i < runs; i += 1) {
      for (const [name, file] of flavours) {
        const { initialized, completed, cpu } = await coldStart(file, workspace);
        samples.get(name).initialized.push(initialized);
        samples.get(name).completed.push(completed);
        if (cpu !== null) samples.get(name).cpu.push(cpu);
      }
    }
  } finally {
    emulator.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  const base = flavours[0][0];
  const baseInit = median(samples.get(base).initialized);
  const baseFirst = median(samples.get(base).completed);
  const ms = (v) => v.toFixed(0);
  console.log(`\nCold start, ${runs} runs each, interleaved (ms; ratio to ${base}); load average ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}\n`);
  console.log(table(['flavour', 'spawn → initialize (median)', 'ratio', 'min', 'max', 'CPU before initialize (median)', 'spawn → first inline completion (median)', 'ratio'],
    flavours.map(([name]) => {
      const { initialized, completed, cpu } = samples.get(name);
      return [name, ms(median(initialized)), (median(initialized) / baseInit).toFixed(2), ms(Math.min(...initialized)), ms(Math.max(...initialized)),
        cpu.length > 0 ? ms(median(cpu)) : '-', ms(median(completed)), (median(completed) / baseFirst).toFixed(2)];
    })));
}

main().catch((e) => { console.error(e); process.exit(1); });
