// Typing at 10 keys a second through Microsoft's vscode-jsonrpc, in the order VS Code sends its messages (cancel the
// previous inline completion, didChange, the new request) and with no cancel at all, against the real `router lsp` and
// an emulated host on 127.0.0.1: a keystroke in the middle of a burst must never start a generation on the host, and a
// pause must start exactly one.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { startEmulator, makeWorkspace } = require('./lib/router');
const { sleep, startSession, replay, analyze } = require('./lib/typing');

let emulator;
let workspace;

before(async () => {
  // Generations take about a second, as on a real host: long enough that one started mid-burst would still be open.
  emulator = await startEmulator(['--time-scale', '1', '--profile', path.join(__dirname, '..', '..', 'bench', 'typing', 'profile.json')]);
  workspace = makeWorkspace(emulator.url);
});

after(() => {
  emulator?.stop();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

/** Three bursts at 10 keys a second (100 ms apart), each ended by a pause of a second. */
function bursts() {
  const words = ['def total(lines', '):\n    return sum(', 'lines)'];
  const keys = [];
  let at = 0;
  for (const word of words) {
    for (const ch of word) { keys.push([at, ch]); at += 100; }
    at += 900;
  }
  return { document: { languageId: 'python', text: 'import math\n\n\n' }, keys };
}

for (const order of ['vscode', 'no-cancel']) {
  test(`typing at 10 keys a second (${order === 'vscode' ? 'VS Code order: cancel, didChange, request' : 'no cancel'}) reaches the host once per pause and never mid-burst`, async () => {
    const session = await startSession(workspace, path.join(workspace, 'router.yaml'));
    try {
      await sleep(1000);
      const before = Math.max(0, ...(await emulator.requests()).map((r) => r.id));
      const trace = bursts();
      const uri = pathToFileURL(path.join(workspace, `typing-${order}.py`)).href;
      const keys = await replay(session.conn, trace, { uri, order });
      await sleep(300);
      const generations = (await emulator.requests()).filter((r) => r.id > before && r.endpoint === '/api/generate' && (r.prompt || r.suffix));
      const result = analyze(keys, generations, { pauseMs: 250 });

      assert.equal(result.unmatched, 0, 'every generation is for a document the client typed');
      // A keystroke whose next key came within 130 ms is mid-burst; the learnt wait is about 150 ms, and the margin
      // leaves the client's own timer jitter on a busy machine out of it.
      const midBurst = result.inTyping.filter((g) => g.gapAfter < 130);
      assert.deepEqual(midBurst, [], `keystrokes mid-burst reached the host (key, ms to the next key): ${JSON.stringify(midBurst)}`);
      assert.equal(result.pausesWithMoreThanOne, 0, 'no pause started more than one generation');
      // The three pauses the trace has (a busy machine may add one by sending a key late, which then counts as a pause).
      const planned = trace.keys.map(([at], i) => (i + 1 < trace.keys.length ? trace.keys[i + 1][0] - at : Infinity) > 250);
      const perPlannedPause = planned.flatMap((isPause, i) => (isPause ? [result.perKey[i] ?? 0] : []));
      assert.deepEqual(perPlannedPause, [1, 1, 1], 'each pause started exactly one generation');
      assert.equal(result.mostConcurrent, 1, 'one stream open at a time');
      assert.ok(keys[keys.length - 1].shown, 'the suggestion after the last key is shown');
    } finally {
      await session.stop();
    }
  });
}

test('a slow typist with no cancel gets one generation per key: dropping a running generation never leaves the server silent', async () => {
  // Two cores, as on the machine that showed it: the pool then starts with two threads, and one parked on a blocking
  // read of standard input left every answer waiting for the pool to grow, up to two seconds after a dropped generation.
  const cores = process.env.DOTNET_PROCESSOR_COUNT;
  process.env.DOTNET_PROCESSOR_COUNT = '2';
  let session;
  try {
    session = await startSession(workspace, path.join(workspace, 'router.yaml'));
  } finally {
    if (cores === undefined) delete process.env.DOTNET_PROCESSOR_COUNT; else process.env.DOTNET_PROCESSOR_COUNT = cores;
  }
  try {
    await sleep(1000);
    const before = Math.max(0, ...(await emulator.requests()).map((r) => r.id));
    // Two keys a second: every gap is longer than the longest wait, so each key is a pause and gets its generation,
    // which the next key's request drops while it streams.
    const trace = { document: { languageId: 'python', text: 'import math\n\n\n' }, keys: [...'def area'].map((ch, i) => [i * 500, ch]) };
    const uri = pathToFileURL(path.join(workspace, 'slow-no-cancel.py')).href;
    const keys = await replay(session.conn, trace, { uri, order: 'no-cancel' });
    await sleep(300);
    const generations = (await emulator.requests()).filter((r) => r.id > before && r.endpoint === '/api/generate' && (r.prompt || r.suffix));
    const result = analyze(keys, generations, { pauseMs: 250 });

    assert.deepEqual(result.perKey, trace.keys.map(() => 1), 'each key of a slow typist started exactly one generation');
    assert.equal(result.mostConcurrent, 1, 'one stream open at a time');
  } finally {
    await session.stop();
  }
});
