#!/usr/bin/env node
// Placement against plain Ollama eviction, on a working day mixed with inline completions. One emulated GPU host
// (profile.json: 24 GB, Ollama's defaults, four models that need about 34 GB together) serves a day of coding sessions:
// bursts of inline completions on the code model, the blog post's 38 asks (30 quick, 5 code, 2 vision, 1 reasoning)
// between them, and the breaks of a day (stand-up, coffee, lunch, a meeting, reading pauses). The same day runs in one
// `router lsp` per variant, each against a freshly started host:
//   placement     router.yaml gives the host's `vramGb`, so the server plans at the first open document (the default
//                 mix, the ledger being new) and sends each model's keep_alive (-1 kept, 2m the others) and context;
//   plain Ollama  no `vramGb`: requests name no keep_alive, the host's 5m applies, and Ollama's own eviction decides;
//   keep forever  (with --keep-forever) as plain, on a host started with OLLAMA_KEEP_ALIVE=-1, the usual hand fix.
// Completions go through the real LSP path: Microsoft's vscode-jsonrpc sends didChange and an invoked
// textDocument/inlineCompletion (invoked, so the debounce does not hold it: each is one that reached the model in the
// day); asks are workspace/executeCommand router.ask, read back from router/answer until done.
//
//   node bench/placement-day/run.js [--time-scale S] [--vram GB] [--keep-forever] [--short] [--json]
//
// The default time scale 0.02 replays the eight-hour day in about 50 s per variant on 2 cores; --short is the smoke
// test's quarter of an hour.
// Cold loads are counted from the emulator's request log (each request that loaded its model cold), not from the router.
// Waiting is each request's time on the host (cold load and queueing included), divided by the time scale, so it is in
// the day's seconds; the router's own overhead is left out, as in bench/mixed-day. The day's idle time is not waited
// for: before each request the harness moves the host's clock on (POST /_emulator/clock) by the idle time before it and
// by what the previous request took beyond its scaled time, so keep_alive expires when it would in the real day.
// Needs the Release build (dotnet build -c Release) or ROUTER_DLL and ROUTER_EMULATOR_DLL.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const P = require('vscode-languageserver-protocol');
const { startEmulator } = require('../../tests/e2e/lib/router');
const { now, wireTime, startSession, percentile } = require('../../tests/e2e/lib/typing');
const { table } = require('../lib/table');
const posts = require('../lib/posts-day');

const MINUTE = 60000;
const models = { code: 'qwen2.5-coder:14b', heavy: 'qwen2.5-coder:14b', quick: 'qwen3:4b', vision: 'qwen2.5vl:7b', reasoning: 'deepseek-r1:8b' };
const contexts = { code: 16384, heavy: 16384, quick: 8192, vision: 8192, reasoning: 16384 };

/** Coding sessions and the idle time after each, in minutes: 09:00 to about 17:00 with 5.5 hours at the keyboard. */
const fullDay = [[50, 20], [60, 10], [40, 60], [60, 30], [60, 15], [60, 0]];
/** About a quarter of an hour for the smoke test: a session, a break longer than Ollama's 5m keep_alive, a short session. */
const shortDay = [[6, 7], [3, 0]];

/** A small seeded generator, so every run replays the same day. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The day as events, each with the idle time before it (`idleMs`, the day's milliseconds): bursts of 4 to 8 completions
 * 2 to 6 s apart while the user types, pauses of 1 to 4 minutes between bursts (one in twelve a reading pause of 6 to
 * 12 minutes), the asks spread over the pauses in the post's order, and the breaks between sessions.
 */
function makeDay(short) {
  const next = random(19);
  const between = (lo, hi) => lo + (hi - lo) * next();
  const sessions = short ? shortDay : fullDay;
  const asks = short
    ? [['quick', posts.quick[0]], ['code', posts.code[0]], ['vision', posts.vision[0]], ['reasoning', posts.reasoning[0]], ['quick', posts.quick[1]]]
    : posts.day();
  // First the completions and pauses; then each ask goes into a pause, in order.
  const blocks = [];
  for (const [minutes, breakMinutes] of sessions) {
    let used = 0;
    const session = [];
    while (used < minutes * MINUTE) {
      const burst = [];
      const count = 4 + Math.floor(next() * 5);
      for (let i = 0; i < count; i += 1) burst.push(i === 0 ? 0 : between(2000, 6000));
      const pause = next() < 1 / 12 ? between(6 * MINUTE, 12 * MINUTE) : between(MINUTE, 4 * MINUTE);
      session.push({ burst, pause });
      used += burst.reduce((a, b) => a + b, 0) + pause;
    }
    blocks.push({ session, breakMs: breakMinutes * MINUTE });
  }
  const pauses = blocks.flatMap((b) => b.session);
  const askAt = new Map();
  asks.forEach((ask, j) => {
    const at = Math.min(pauses.length - 1, Math.floor(((j + 0.5) * pauses.length) / asks.length));
    askAt.set(pauses[at], [...(askAt.get(pauses[at]) ?? []), ask]);
  });
  const events = [];
  let carried = 0;
  for (const { session, breakMs } of blocks) {
    for (const entry of session) {
      entry.burst.forEach((gap, i) => events.push({ kind: 'completion', idleMs: (i === 0 ? carried : 0) + gap }));
      carried = entry.pause;
      for (const [kind, prompt] of askAt.get(entry) ?? []) {
        // An ask comes some 20 s into the pause; the rest of the pause follows it.
        const before = Math.min(20000, carried / 2);
        events.push({ kind, prompt, idleMs: before });
        carried -= before;
      }
    }
    carried += breakMs;
  }
  return events;
}

function writeConfig(dir, name, url, vramGb) {
  const file = path.join(dir, `${name}.yaml`);
  fs.writeFileSync(file, [
    'endpoints:',
    '  gpu-box:',
    '    provider: ollama',
    `    url: ${url}`,
    ...(vramGb ? [`    vramGb: ${vramGb}`] : []),
    'tiers:',
    ...Object.entries(models).map(([tier, model]) => `  ${tier}: { model: "${model}", endpoints: [gpu-box], contextTokens: ${contexts[tier]} }`),
    'routes: { completion: code, explain: quick, refactor: heavy }',
    '',
  ].join('\n'));
  return file;
}

/** The profile with the host's VRAM and default keep_alive replaced, for --vram and the keep-forever variant. */
function writeProfile(dir, name, { vramGb, keepAlive }) {
  const text = fs.readFileSync(path.join(__dirname, 'profile.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const profile = JSON.parse(text);
  if (vramGb) profile.vramBudgetGB = vramGb;
  if (keepAlive) profile.keepAlive = keepAlive;
  const file = path.join(dir, `${name}.profile.json`);
  fs.writeFileSync(file, JSON.stringify(profile, null, 2));
  return file;
}

/** The promise, or an error naming `what` when it has not settled in `ms`: a stuck request stops the run. */
function within(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not finish in ${ms / 1000} s`)), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Answers streamed as router/answer, by id: resolves with the last chunk once `done` arrives. */
function answerBook(conn) {
  const waiting = new Map();
  const entry = (id) => {
    if (!waiting.has(id)) {
      let resolve;
      const done = new Promise((r) => { resolve = r; });
      waiting.set(id, { done, resolve });
    }
    return waiting.get(id);
  };
  conn.onNotification('router/answer', (chunk) => { if (chunk.done) entry(chunk.id).resolve(chunk); });
  return (id) => entry(id).done;
}

/** One day through one `router lsp` on a fresh host; returns what the host's log says about every request. */
async function replay(variant, events, { timeScale, vramGb, dir }) {
  const profile = writeProfile(dir, variant.name, { vramGb, keepAlive: variant.hostKeepAlive });
  const emulator = await startEmulator(['--profile', profile, '--time-scale', String(timeScale)]);
  const workspace = fs.mkdtempSync(path.join(dir, `${variant.name}-`));
  // A state folder of its own: a new usage ledger, so the plan weighs the default mix and no earlier run's rates.
  const previousState = process.env.XDG_STATE_HOME;
  process.env.XDG_STATE_HOME = path.join(workspace, 'state');
  let session;
  try {
    const config = writeConfig(workspace, 'router', emulator.url, variant.placement ? vramGb : null);
    session = await startSession(workspace, config);
    const answered = answerBook(session.conn);
    const moveClock = async (ms) => {
      if (ms <= 0) return;
      const res = await fetch(`${emulator.url}/_emulator/clock`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance_ms: ms }),
      });
      if (!res.ok) throw new Error(`moving the host's clock: HTTP ${res.status} ${await res.text()} (an emulator without /_emulator/clock?)`);
    };

    // The editor opens the first file: the server plans (placement only) and loads the code model. The day starts
    // once that load is done, as a user who opens the editor and starts typing a moment later.
    let file = 0;
    let uri;
    let text;
    let version;
    const open = async () => {
      file += 1;
      uri = pathToFileURL(path.join(workspace, `session${file}.py`)).href;
      text = 'import math\n\n\ndef area(r):\n    return math.pi * r * r\n';
      version = 1;
      await session.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version, text } });
    };
    await open();
    const deadline = Date.now() + 120000;
    for (;;) {
      const log = await emulator.requests();
      if (log.some((r) => r.endpoint === '/api/generate' && !r.prompt && !r.suffix && r.outcome !== 'in_progress')) break;
      if (Date.now() > deadline) throw new Error(`the warm-up load never reached the host: ${session.stderr()}`);
      await new Promise((r) => setTimeout(r, 50));
    }

    let behind = 0;
    let completions = 0;
    for (const [i, event] of events.entries()) {
      // After 10 idle minutes or more (a break, a long reading pause) the user goes on in another file.
      if (i > 0 && event.kind === 'completion' && event.idleMs >= 10 * MINUTE) await open();
      await moveClock(event.idleMs + behind);
      const started = now();
      if (event.kind === 'completion') {
        // A new line each time, so the completion cache never answers and every request reaches the model.
        completions += 1;
        const insert = `\n\ndef step_${completions}(value):\n    return `;
        const lines = text.split('\n');
        const at = { line: lines.length - 1, character: lines[lines.length - 1].length };
        version += 1;
        await session.conn.sendNotification(P.DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: insert }],
        });
        text += insert;
        const end = text.split('\n');
        await within(session.conn.sendRequest(P.InlineCompletionRequest.type, {
          textDocument: { uri }, position: { line: end.length - 1, character: end[end.length - 1].length },
          context: { triggerKind: P.InlineCompletionTriggerKind.Invoked },
        }), 120000, `completion ${completions}`);
      } else {
        const result = await within(session.conn.sendRequest(P.ExecuteCommandRequest.type, { command: 'router.ask', arguments: [{ prompt: event.prompt }] }), 120000, 'router.ask');
        const last = await within(answered(result.id), 300000, `the answer to "${event.prompt.split('\n')[0]}"`);
        // The router decides the tier; a prompt routed elsewhere than the day says would measure another day.
        if (last.tier !== event.kind) throw new Error(`"${event.prompt.split('\n')[0]}" went to ${last.tier}, expected ${event.kind}`);
      }
      const took = now() - started;
      // What the request took beyond its scaled time passes on the host's clock before the next one.
      behind = took / timeScale - took;
    }
    await session.stop();
    session = null;
    return analyze(variant, events, await emulator.requests(), timeScale);
  } finally {
    if (session) await session.stop().catch(() => {});
    emulator.stop();
    if (previousState === undefined) delete process.env.XDG_STATE_HOME; else process.env.XDG_STATE_HOME = previousState;
  }
}

/** Matches the day's events to the host's generations, in order, and sums what the host's log says. */
function analyze(variant, events, log, timeScale) {
  const generations = log.filter((r) => (r.endpoint === '/api/generate' || r.endpoint === '/api/chat') && (r.prompt || r.suffix));
  if (generations.length !== events.length || generations.some((r) => r.outcome !== 'completed')) {
    throw new Error(`${variant.name}: expected ${events.length} completed generations on the host, found ${generations.length} `
      + `(${[...new Set(generations.map((r) => r.outcome))].join(', ')}); a completion served from the cache, an escalation or a failure`);
  }
  const byKind = new Map();
  events.forEach((event, i) => {
    const r = generations[i];
    const expected = event.kind === 'completion' ? models.code : models[event.kind];
    if (r.model !== expected) throw new Error(`${variant.name}: request ${i + 1} (${event.kind}) went to ${r.model}, expected ${expected}`);
    const kind = byKind.get(event.kind) ?? { count: 0, cold: 0, ms: [] };
    kind.count += 1;
    if (r.cold_load_ms != null) kind.cold += 1;
    kind.ms.push((wireTime(r.finished_at) - wireTime(r.started_at)) / timeScale);
    byKind.set(event.kind, kind);
  });
  const loads = log.filter((r) => r.cold_load_ms != null);
  const keepAlives = new Map();
  for (const r of generations) keepAlives.set(r.model, r.keep_alive ?? null);
  return {
    name: variant.name,
    byKind,
    coldLoads: loads.length,
    waitedLoads: [...byKind.values()].reduce((s, k) => s + k.cold, 0),
    loadSeconds: loads.reduce((s, r) => s + r.cold_load_ms, 0) / 1000,
    waiting: [...byKind.values()].reduce((s, k) => s + k.ms.reduce((a, b) => a + b, 0), 0),
    completionMs: byKind.get('completion')?.ms ?? [],
    keepAlives,
  };
}

function report(results, events, { timeScale, vramGb, short, seconds }) {
  const [placed, plain] = results;
  const s = (ms) => (ms / 1000).toFixed(1);
  const kinds = ['completion', 'quick', 'code', 'vision', 'reasoning'].filter((k) => placed.byKind.has(k));
  const completions = events.filter((e) => e.kind === 'completion').length;
  console.log(`\nThe placement day${short ? ' (short)' : ''}: ${completions} completions and ${events.length - completions} asks on one `
    + `${vramGb} GB GPU host, time scale ${timeScale}; waiting in the day's seconds (cold loads / total waiting)\n`);
  const cell = (r, kind) => `${r.byKind.get(kind).cold} / ${s(r.byKind.get(kind).ms.reduce((a, b) => a + b, 0))}`;
  const rows = kinds.map((kind) => [kind, placed.byKind.get(kind).count, ...results.map((r) => cell(r, kind))]);
  rows.push(['**day**', events.length, ...results.map((r) => `${r.waitedLoads} / ${s(r.waiting)}`)]);
  console.log(table(['kind', 'requests', ...results.map((r) => `${r.name}: cold / waiting s`)], rows));
  console.log('');
  const p = (values, q) => percentile(values, q).toFixed(0);
  console.log(table(['', ...results.map((r) => r.name)], [
    ['completion p50 ms', ...results.map((r) => p(r.completionMs, 50))],
    ['completion p90 ms', ...results.map((r) => p(r.completionMs, 90))],
    ['completion p99 ms', ...results.map((r) => p(r.completionMs, 99))],
    ['cold loads (warm-up included)', ...results.map((r) => r.coldLoads)],
    ['loading s (profile load times)', ...results.map((r) => r.loadSeconds.toFixed(1))],
    ...Object.values(models).filter((m, i, all) => all.indexOf(m) === i)
      .map((m) => [`keep_alive sent for ${m}`, ...results.map((r) => r.keepAlives.get(m) ?? 'none (host default)')]),
  ]));
  console.log(`\ncold loads avoided: ${plain.waitedLoads - placed.waitedLoads} of ${plain.waitedLoads} `
    + `(cold loads a request waited for; each run also loads the code model once at the first open file)`);
  console.log(`total waiting: plain Ollama ${s(plain.waiting)} s, placement ${s(placed.waiting)} s, ratio ${(plain.waiting / placed.waiting).toFixed(2)}×`);
  for (const other of results.slice(2)) {
    console.log(`${other.name}: ${other.waitedLoads} cold loads waited for, ${s(other.waiting)} s waiting (${(other.waiting / placed.waiting).toFixed(2)}× placement's)`);
  }
  console.log(`(${seconds.toFixed(0)} s to run, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const timeScale = Number(option('--time-scale') ?? 0.02);
  if (!(timeScale > 0 && timeScale <= 1)) throw new Error('--time-scale must be a number above 0, at most 1');
  const vramGb = Number(option('--vram') ?? 24);
  if (!(vramGb > 0)) throw new Error('--vram must be a number of GB above 0');
  const short = args.includes('--short');
  const variants = [
    { name: 'placement', placement: true },
    { name: 'plain Ollama', placement: false },
    ...(args.includes('--keep-forever') ? [{ name: 'keep forever', placement: false, hostKeepAlive: '-1' }] : []),
  ];
  const events = makeDay(short);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'router-placement-day-'));
  const started = now();
  try {
    const results = [];
    for (const variant of variants) results.push(await replay(variant, events, { timeScale, vramGb, dir }));
    const seconds = (now() - started) / 1000;
    if (args.includes('--json')) {
      console.log(JSON.stringify({
        timeScale, vramGb, short, seconds,
        runs: results.map((r) => ({
          name: r.name, coldLoads: r.coldLoads, waitedLoads: r.waitedLoads, waitingSeconds: r.waiting / 1000,
          completionP50Ms: percentile(r.completionMs, 50), completionP90Ms: percentile(r.completionMs, 90),
          byKind: Object.fromEntries([...r.byKind].map(([k, v]) => [k, { count: v.count, cold: v.cold, waitingSeconds: v.ms.reduce((a, b) => a + b, 0) / 1000 }])),
          keepAlive: Object.fromEntries(r.keepAlives),
        })),
      }, null, 2));
    } else {
      report(results, events, { timeScale, vramGb, short, seconds });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) main().catch((e) => { console.error(e); process.exit(1); });

module.exports = { makeDay };
