// Replaying a typing trace through Microsoft's vscode-jsonrpc against the real `router lsp`, in the order VS Code sends
// its messages, and reading from the emulator's request log what reached the host. Used by the typing e2e test and by
// bench/typing.
'use strict';
const cp = require('node:child_process');
const { pathToFileURL } = require('node:url');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter, CancellationTokenSource }
  = require('vscode-jsonrpc/node');
const P = require('vscode-languageserver-protocol');
const { routerCommand } = require('./router');

/** Wall-clock milliseconds with sub-millisecond precision, comparable with the emulator's timestamps. */
const now = () => performance.timeOrigin + performance.now();

/** The emulator's RFC 3339 time with seven fractional digits, in wall-clock milliseconds. */
function wireTime(value) {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(value);
  if (!m) throw new Error(`not an emulator time: ${value}`);
  return Date.parse(`${m[1]}Z`) + (m[2] ? Number(`0.${m[2]}`) * 1000 : 0);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Starts `router lsp` over stdio with the workspace's router.yaml and initializes it as an editor would. */
async function startSession(workspace, configPath) {
  const [cmd, args] = routerCommand('lsp', '--config', configPath);
  const child = cp.spawn(cmd, args, { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  // What the server did with each completion (completed, cached, cancelled...), as it reports it.
  const traces = [];
  conn.onNotification('router/completionTrace', (trace) => traces.push(trace));
  conn.listen();
  await conn.sendRequest(P.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
    clientInfo: { name: 'typing replay', version: '1' },
    capabilities: { textDocument: { inlineCompletion: {}, synchronization: {} } },
    initializationOptions: { completionTraces: true },
  });
  await conn.sendNotification(P.InitializedNotification.type, {});
  return {
    conn,
    traces,
    stderr: () => stderr,
    async stop() {
      try {
        await conn.sendRequest(P.ShutdownRequest.type);
        await conn.sendNotification(P.ExitNotification.type);
        await Promise.race([exited, sleep(5000)]);
      } finally {
        conn.dispose();
        child.kill();
      }
    },
  };
}

/** Where the cursor is after typing at the end of `text` (ASCII traces: UTF-16 columns are characters). */
function endOf(text) {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/**
 * Types the trace's keys at the end of a fresh document, each at its time. For every key the client sends one
 * incremental didChange and one automatic inline-completion request. `order`:
 *  - 'vscode': first `$/cancelRequest` for the previous request if it is still unanswered, then didChange, then the
 *    request (what VS Code does);
 *  - 'no-cancel': didChange, then the request; the previous request is left to the server.
 * Returns one record per key: when it was sent, what the document was, and how its request ended.
 */
async function replay(conn, trace, { uri, order }) {
  if (order !== 'vscode' && order !== 'no-cancel') throw new Error(`unknown order ${order}`);
  let text = trace.document.text;
  let version = 1;
  await conn.sendNotification(P.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: trace.document.languageId, version, text },
  });
  const keys = [];
  let previous = null;
  const start = now() + 20;
  for (const [at, insert] of trace.keys) {
    await sleep(start + at - now());
    if (previous && !previous.settled) {
      if (order === 'vscode') {
        previous.cancelledAt = now();
        previous.cts.cancel();
      }
    }
    const at0 = endOf(text);
    const sentAt = now();
    version += 1;
    conn.sendNotification(P.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: at0, end: at0 }, text: insert }],
    });
    text += insert;
    const key = { index: keys.length, at, sentAt, text, cts: new CancellationTokenSource(), settled: false };
    if (previous && !previous.settled && order === 'no-cancel') previous.supersededAt = sentAt;
    key.done = conn.sendRequest(P.InlineCompletionRequest.type, {
      textDocument: { uri }, position: endOf(text),
      context: { triggerKind: P.InlineCompletionTriggerKind.Automatic },
    }, key.cts.token).then((result) => {
      key.answeredAt = now();
      const items = Array.isArray(result) ? result : result?.items ?? [];
      key.shown = items.length > 0 && items[0].insertText.length > 0;
    }, (error) => {
      key.answeredAt = now();
      key.error = error.code ?? String(error);
    }).finally(() => { key.settled = true; });
    keys.push(key);
    previous = key;
  }
  await Promise.all(keys.map((k) => k.done));
  return keys;
}

const median = (values) => percentile(values, 50);

function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * What reached the host while the keys were typed. `generations` are the emulator's log records of the session
 * (/api/generate); each is matched to the key whose document it was asked for. A key is a pause when the next key
 * came more than `pauseMs` after it (as sent), or it is the last key.
 */
function analyze(keys, generations, { pauseMs = 250 } = {}) {
  const gapAfter = keys.map((k, i) => (i + 1 < keys.length ? keys[i + 1].sentAt - k.sentAt : Infinity));
  const isPause = gapAfter.map((gap) => gap > pauseMs);
  const keyOf = (prompt) => {
    for (let i = keys.length - 1; i >= 0; i -= 1) if (prompt.endsWith(keys[i].text)) return i;
    return -1;
  };
  const gens = generations.map((g) => ({
    key: keyOf(g.prompt ?? ''),
    started: wireTime(g.started_at),
    finished: g.finished_at ? wireTime(g.finished_at) : Infinity,
    outcome: g.outcome,
  }));
  const unmatched = gens.filter((g) => g.key < 0).length;
  const atPauses = gens.filter((g) => g.key >= 0 && isPause[g.key]);
  const pauses = isPause.filter(Boolean).length;
  const perPauseKey = new Map();
  for (const g of atPauses) perPauseKey.set(g.key, (perPauseKey.get(g.key) ?? 0) + 1);

  // Most streams open at once: sweep over starts and ends.
  const events = gens.flatMap((g) => [[g.started, 1], [g.finished, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let mostConcurrent = 0;
  for (const [, delta] of events) { open += delta; mostConcurrent = Math.max(mostConcurrent, open); }

  // The suggestion the user saw at a pause: from the key to the answer.
  const shown = keys.filter((k, i) => isPause[i] && k.shown);
  const toSuggestion = shown.map((k) => k.answeredAt - k.sentAt);
  const byKey = new Map(gens.filter((g) => g.key >= 0).map((g) => [g.key, g]));
  const toHost = shown.filter((k) => byKey.has(k.index)).map((k) => byKey.get(k.index).started - k.sentAt);

  // A stream the client gave up (cancel, or a newer request in the no-cancel order): from then to the host closing it.
  const cancelToClose = [];
  for (const g of gens) {
    const k = keys[g.key];
    const gaveUp = k && (k.cancelledAt ?? k.supersededAt);
    if (gaveUp && g.started < gaveUp && g.outcome === 'client_closed') cancelToClose.push(g.finished - gaveUp);
  }

  return {
    keys: keys.length,
    pauses,
    generations: gens.length,
    unmatched,
    atPauses: atPauses.length,
    pausesWithMoreThanOne: [...perPauseKey.values()].filter((n) => n > 1).length,
    perKey: gens.reduce((counts, g) => { if (g.key >= 0) counts[g.key] = (counts[g.key] ?? 0) + 1; return counts; }, []),
    inTyping: gens.filter((g) => g.key >= 0 && !isPause[g.key]).map((g) => ({ key: g.key, gapAfter: gapAfter[g.key] })),
    mostConcurrent,
    shown: shown.length,
    toSuggestion: { median: median(toSuggestion), p95: percentile(toSuggestion, 95) },
    toHost: { median: median(toHost), p95: percentile(toHost, 95) },
    cancelToClose: { n: cancelToClose.length, median: median(cancelToClose), p95: percentile(cancelToClose, 95) },
    gapAfter,
  };
}

module.exports = { now, wireTime, sleep, startSession, replay, analyze, median, percentile };
