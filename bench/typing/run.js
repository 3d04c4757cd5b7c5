#!/usr/bin/env node
// Typing benchmark: replays the recorded traces in traces/ through Microsoft's vscode-jsonrpc against the real
// `router lsp` and an emulated Ollama host whose generations take about 1.5 s (profile.json), in VS Code's message
// order (cancel the previous request, didChange, request) and with no cancel at all. Prints, per trace and order, what
// reached the host and what the user saw; then the router's overhead on the first completion after start and on the
// thousandth.
//
//   node bench/typing/run.js [--trace NAME] [--order vscode|no-cancel] [--overhead-only] [--no-overhead]
//
// Needs the Release build (dotnet build -c Release) or ROUTER_DLL pointing at router.dll.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const P = require('vscode-languageserver-protocol');
const { startEmulator, makeWorkspace } = require('../../tests/e2e/lib/router');
const { now, wireTime, sleep, startSession, replay, analyze, median } = require('../../tests/e2e/lib/typing');

const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const flag = (name) => args.includes(name);

const traces = fs.readdirSync(path.join(__dirname, 'traces'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(fs.readFileSync(path.join(__dirname, 'traces', f), 'utf8')))
  .filter((t) => !option('--trace') || t.name === option('--trace'))
  .sort((a, b) => ['steady-10', 'bursts', 'slow-2', 'paste-then-type'].indexOf(a.name) - ['steady-10', 'bursts', 'slow-2', 'paste-then-type'].indexOf(b.name));
const orders = option('--order') ? [option('--order')] : ['vscode', 'no-cancel'];

const ms = (v) => (v == null ? '-' : v.toFixed(v < 10 ? 2 : 0));
const ratio = (a, b) => (b === 0 ? '-' : (a / b).toFixed(2));

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function typing() {
  const emulator = await startEmulator(['--time-scale', '1', '--profile', path.join(__dirname, 'profile.json')]);
  const workspace = makeWorkspace(emulator.url);
  const rows = [];
  try {
    for (const order of orders) {
      for (const trace of traces) {
        const session = await startSession(workspace, path.join(workspace, 'router.yaml'));
        try {
          // An editor is open a moment before the user types: start-up probes and the warm-up are done by then, and one
          // explicit completion in another file has been answered (the first generation of a session is measured in the
          // overhead table; here the figures are those of a session under way).
          await sleep(1500);
          const prime = pathToFileURL(path.join(workspace, `prime-${trace.name}-${order}.py`)).href;
          await session.conn.sendNotification(P.DidOpenTextDocumentNotification.type, {
            textDocument: { uri: prime, languageId: 'python', version: 1, text: 'def area(r):\n    return ' },
          });
          await session.conn.sendRequest(P.InlineCompletionRequest.type, {
            textDocument: { uri: prime }, position: { line: 1, character: 11 },
            context: { triggerKind: P.InlineCompletionTriggerKind.Invoked },
          });
          const before = Math.max(0, ...(await emulator.requests()).map((r) => r.id));
          const uri = pathToFileURL(path.join(workspace, `${trace.name}-${order}.py`)).href;
          const tracesBefore = session.traces.length;
          const keys = await replay(session.conn, trace, { uri, order });
          await sleep(300);
          const generations = (await emulator.requests()).filter((r) => r.id > before && r.endpoint === '/api/generate' && (r.prompt || r.suffix));
          const a = analyze(keys, generations);
          const cached = session.traces.slice(tracesBefore).filter((t) => t.outcome === 'cached').length;
          rows.push([trace.name, order, a.keys, a.pauses, a.generations, ratio(a.generations, a.keys),
            `${a.atPauses}/${a.pauses}`, a.inTyping.length, cached, a.mostConcurrent, `${a.shown}`,
            `${ms(a.toSuggestion.median)} / ${ms(a.toSuggestion.p95)}`, `${ms(a.toHost.median)} / ${ms(a.toHost.p95)}`,
            a.cancelToClose.n === 0 ? '-' : `${ms(a.cancelToClose.median)} / ${ms(a.cancelToClose.p95)} (${a.cancelToClose.n})`]);
          process.stderr.write(`  ${trace.name} ${order}: ${a.generations} generations for ${a.keys} keys` +
            `${a.inTyping.length ? `; in typing after keys ${a.inTyping.map((g) => `${g.key} (next key ${g.gapAfter.toFixed(0)} ms later)`).join(', ')}` : ''}` +
            `${a.unmatched ? `; ${a.unmatched} not matched to a key` : ''}\n`);
        } finally {
          await session.stop();
        }
      }
    }
  } finally {
    emulator.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  console.log('\nTyping (host: 250 ms to first token, ~1.5 s per generation; a pause = next key more than 250 ms later, or the end)\n');
  console.log(table(['trace', 'order', 'keys', 'pauses', 'generations', 'per key', 'at pauses', 'in typing',
    'from cache', 'most streams', 'shown', 'last key → suggestion ms (median / p95)', 'last key → host ms', 'cancel → close ms (n)'], rows));
}

/** The router's own time on a completion: the client sends an explicit (invoked, so not debounced) request, the host
 * sees it. Against an instant host, so a thousand requests take seconds. */
async function overhead() {
  const emulator = await startEmulator(['--time-scale', '0']);
  const workspace = makeWorkspace(emulator.url);
  const session = await startSession(workspace, path.join(workspace, 'router.yaml'));
  const samples = [];
  const hostLookups = [];
  try {
    // The user opens a file and starts typing two seconds after the editor started the server; the warm-up runs in the
    // background from `initialized`.
    await sleep(2000);
    const uri = pathToFileURL(path.join(workspace, 'overhead.py')).href;
    let text = 'import math\n\n\ndef area(r):\n    return ';
    let version = 1;
    await session.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version, text } });
    let last = Math.max(0, ...(await emulator.requests()).map((r) => r.id));
    for (let i = 0; i < 1000; i += 1) {
      // A new character each time, so the completion cache never answers.
      const insert = String.fromCharCode(97 + (i % 26));
      const lines = text.split('\n');
      const at = { line: lines.length - 1, character: lines[lines.length - 1].length };
      version += 1;
      await session.conn.sendNotification(P.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: insert }],
      });
      text += insert;
      const sent = now();
      await session.conn.sendRequest(P.InlineCompletionRequest.type, {
        textDocument: { uri }, position: { line: at.line, character: at.character + 1 },
        context: { triggerKind: P.InlineCompletionTriggerKind.Invoked },
      });
      const log = (await emulator.requests()).filter((r) => r.id > last);
      const generation = log.find((r) => r.endpoint === '/api/generate');
      if (!generation) throw new Error(`request ${i + 1} did not reach the host`);
      // Model lookups (/api/show) the router waited on before it sent the generation: the host's time, not the router's.
      const lookups = log.filter((r) => r.id < generation.id && r.finished_at)
        .reduce((sum, r) => sum + wireTime(r.finished_at) - wireTime(r.started_at), 0);
      last = generation.id;
      samples.push(wireTime(generation.started_at) - sent);
      hostLookups.push(lookups);
    }
  } finally {
    await session.stop();
    emulator.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  console.log('\nRouter overhead: explicit completion sent → request at the host (ms)\n');
  const row = (label, values) => [label, ms(values[0]), ms(values[1]), ms(values[9]), ms(values[999]), ms(median(values.slice(1))), ms(median(values.slice(900)))];
  console.log(table(['', '1st', '2nd', '10th', '1000th', 'median 2nd–1000th', 'median 901st–1000th'], [
    row('sent → at the host', samples),
    row('of which the host answered model lookups', hostLookups),
    row('the router\'s own', samples.map((v, i) => v - hostLookups[i])),
  ]));
}

(async () => {
  if (!flag('--overhead-only')) await typing();
  if (!flag('--no-overhead')) await overhead();
})().catch((e) => { console.error(e); process.exit(1); });
