#!/usr/bin/env node
// The blog post's mixed day, replayed: 30 quick, 5 code, 2 vision and 1 reasoning request, each through the real
// `router ask`, against an emulated Ollama host with the post's four models (profile.json). The day runs twice in this
// one run, each time on a freshly started host (every model cold): once routed per tier, once with every tier on the
// 30B model ("one big model for everything"). Prints the waiting time per kind, the total for each, and the ratio.
//
//   node bench/mixed-day/run.js [--time-scale S]
//
// Waiting time is each answer's time on the host (from the emulator's request log, cold loads included), divided by
// the time scale, so it is in the post's seconds. The router's own overhead (starting `router ask`, probing the host)
// is left out: multiplied by 1/scale it would swamp the 0.3 s answers. The default scale 0.25 takes about 4 minutes.
'use strict';
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { routerCommand, startEmulator } = require('../../tests/e2e/lib/router');
const { table } = require('../lib/table');

const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const timeScale = Number(option('--time-scale') ?? 0.25);
if (!(timeScale > 0)) throw new Error('--time-scale must be a number above 0');
const profile = path.join(__dirname, 'profile.json');

const { day } = require('../lib/posts-day');

function writeConfig(dir, name, url, models) {
  const file = path.join(dir, `${name}.yaml`);
  fs.writeFileSync(file, [
    'endpoints:',
    '  gpu-box:',
    '    provider: ollama',
    `    url: ${url}`,
    'tiers:',
    ...Object.entries(models).map(([tier, model]) => `  ${tier}: { model: "${model}", endpoints: [gpu-box], contextTokens: 16384 }`),
    '',
  ].join('\n'));
  return file;
}

const routed = { quick: 'qwen3:4b', code: 'qwen3-coder:30b', vision: 'qwen2.5vl:7b', reasoning: 'deepseek-r1:8b', heavy: 'qwen3-coder:30b' };
const oneBig = Object.fromEntries(Object.keys(routed).map((tier) => [tier, 'qwen3-coder:30b']));

function ask(config, prompt, cwd) {
  const [cmd, cmdArgs] = routerCommand('ask', '--config', config, '--kind', 'chat', prompt);
  const run = cp.spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', timeout: 600000 });
  if (run.status !== 0) throw new Error(`router ask failed (${run.status}): ${run.stderr}`);
  const answered = /answered\s*:?\s+(\w+) (\S+) on/.exec(run.stderr);
  if (!answered) throw new Error(`router ask printed no summary: ${run.stderr}`);
  const cold = /of which (\d+) ms loading/.exec(run.stderr);
  return { tier: answered[1], model: answered[2], cold: Boolean(cold) };
}

/** One day on a fresh host: every request through `router ask`, in order, as one user waits for each answer. */
async function replay(name, models, dir) {
  const emulator = await startEmulator(['--profile', profile, '--time-scale', String(timeScale)]);
  try {
    const config = writeConfig(dir, name, emulator.url, models);
    const byKind = new Map();
    let coldLoads = 0;
    const requests = day();
    const answers = [];
    for (const [kind, prompt] of requests) {
      const result = ask(config, prompt, dir);
      // The router decides the tier; a prompt it routes elsewhere than the day says would measure another day.
      if (result.tier !== kind) throw new Error(`"${prompt.split('\n')[0]}" went to ${result.tier}, expected ${kind}`);
      if (result.model !== models[kind]) throw new Error(`${kind} answered by ${result.model}, expected ${models[kind]}`);
      if (result.cold) coldLoads += 1;
      answers.push(kind);
    }
    // One generation per request, in order: the host's time for each is the user's wait for the answer.
    const chats = (await emulator.requests()).filter((r) => r.endpoint === '/api/chat');
    if (chats.length !== requests.length || chats.some((r) => r.outcome !== 'completed')) {
      throw new Error(`expected ${requests.length} completed chat requests on the host, found ${chats.map((r) => r.outcome).join(', ')}`);
    }
    for (const [i, kind] of answers.entries()) {
      const ms = (Date.parse(chats[i].finished_at) - Date.parse(chats[i].started_at)) / timeScale;
      const entry = byKind.get(kind) ?? { count: 0, ms: [] };
      entry.count += 1;
      entry.ms.push(ms);
      byKind.set(kind, entry);
    }
    return { byKind, coldLoads, total: [...byKind.values()].reduce((s, e) => s + e.ms.reduce((a, b) => a + b, 0), 0) };
  } finally {
    emulator.stop();
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'router-mixed-day-'));
  try {
    const a = await replay('routed', routed, dir);
    const b = await replay('one-big-model', oneBig, dir);
    const s = (ms) => (ms / 1000).toFixed(1);
    const range = (e) => `${s(Math.min(...e.ms))}–${s(Math.max(...e.ms))}`;
    console.log(`\nThe mixed day (30 quick, 5 code, 2 vision, 1 reasoning), time scale ${timeScale}, waiting in the post's seconds\n`);
    console.log(table(['kind', 'requests', 'routed: total s', 'routed: each s', 'one big model: total s', 'one big model: each s'],
      [...a.byKind.keys()].map((kind) => {
        const x = a.byKind.get(kind); const y = b.byKind.get(kind);
        return [kind, x.count, s(x.ms.reduce((p, q) => p + q, 0)), range(x), s(y.ms.reduce((p, q) => p + q, 0)), range(y)];
      })));
    console.log(`\nrouted: ${s(a.total)} s waiting (${a.coldLoads} cold loads); one big model: ${s(b.total)} s (${b.coldLoads} cold loads); ratio ${(b.total / a.total).toFixed(2)}×`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
