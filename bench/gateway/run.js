#!/usr/bin/env node
// `router serve`'s overhead: the same Ollama chat request sent straight to an emulated host and through the gateway to it,
// alternately, in one run; then the same under concurrent load; then a soak of many requests through the gateway with the
// process's memory read as it goes. The emulator answers at once (--time-scale 0), so what remains is the router's work:
// HTTP in and out, the privacy scan, the policy, the dispatch, the ledger booking. Both shapes are warmed up first (the JIT
// compiles the hot paths again, optimised, over the first thousand or so requests), and each row also gives the gateway's
// own CPU time per request, read from /proc (at one in flight it includes the thread pool spinning between requests).
//
//   node bench/gateway/run.js [--pairs N] [--load C] [--soak N]
//
// Defaults: 2,000 pairs one at a time, 2,000 pairs at 16 in flight, a soak of 10,000 (RSS at 1k, 5k and 10k). A benchmark,
// not a test: it prints its tables and exits 0; nothing here is in ./test.sh.
'use strict';
const cp = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const { routerCommand, startEmulator } = require('../../tests/e2e/lib/router');
const { table } = require('../lib/table');

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : fallback; };
const pairs = option('--pairs', 2000);
const load = option('--load', 16);
const soak = option('--soak', 10000);

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** One POST, resolved with its latency in ms once the whole body (a whole answer or a whole stream) has arrived. */
function post(url, body) {
  const target = new URL(url);
  const payload = Buffer.from(body);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.request({
      host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': payload.length },
    }, (response) => {
      const parts = [];
      response.on('data', (d) => parts.push(d));
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`${url}: HTTP ${response.statusCode} ${Buffer.concat(parts)}`));
        else resolve(Number(process.hrtime.bigint() - started) / 1e6);
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (v) => v.toFixed(2);

const ticksPerSecond = Number(cp.execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU time the process has used so far, in ms (user + system, from /proc): less moved by the machine's other load than latency is. */
function cpuMs(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function startServe(config, stateDir) {
  const [cmd, cmdArgs] = routerCommand('serve', '--config', config, '--listen', '127.0.0.1:0', '--log-level', 'warning');
  const child = cp.spawn(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_STATE_HOME: stateDir } });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`router serve did not start: ${stderr}`)), 60000);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(line);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`router serve exited ${code}: ${stderr}`)); });
  });
  return { url, child };
}

/** Runs `count` pairs, `concurrency` at a time; each worker sends direct then gateway, so both see the same moment. */
async function measure(directUrl, gatewayUrl, count, concurrency, stream, gatewayPid) {
  const direct = [];
  const gateway = [];
  let next = 0;
  const started = process.hrtime.bigint();
  const cpuBefore = gatewayPid ? cpuMs(gatewayPid) : 0;
  async function worker() {
    while (next < count) {
      const i = next++;
      const prompt = `Request ${i}: what is a closure?`;
      const [first, second] = i % 2 === 0 ? ['direct', 'gateway'] : ['gateway', 'direct'];
      for (const which of [first, second]) {
        const latency = which === 'direct'
          ? await post(`${directUrl}/api/chat`, JSON.stringify({ model: 'qwen2.5:3b', stream, messages: [{ role: 'user', content: prompt }] }))
          : await post(`${gatewayUrl}/api/chat`, JSON.stringify({ model: 'router/quick', stream, messages: [{ role: 'user', content: prompt }] }));
        (which === 'direct' ? direct : gateway).push(latency);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { direct, gateway, rate: (2 * count) / seconds, gatewayCpu: gatewayPid ? (cpuMs(gatewayPid) - cpuBefore) / count : NaN };
}

function row(name, result) {
  const d50 = percentile(result.direct, 50);
  const g50 = percentile(result.gateway, 50);
  const d99 = percentile(result.direct, 99);
  const g99 = percentile(result.gateway, 99);
  return [name, ms(d50), ms(g50), ms(g50 - d50), ms(d99), ms(g99), ms(g99 - d99), (g50 / d50).toFixed(2), ms(result.gatewayCpu), result.rate.toFixed(0)];
}

async function main() {
  const emulator = await startEmulator(['--time-scale', '0']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'router-gateway-bench-'));
  const config = path.join(dir, 'router.yaml');
  fs.writeFileSync(config, [
    'endpoints:',
    `  emu: { provider: ollama, url: ${emulator.url} }`,
    'tiers:',
    '  quick: { model: "qwen2.5:3b", endpoints: [emu], contextTokens: 8192 }',
    '  code: { model: "qwen2.5-coder:14b", endpoints: [emu], contextTokens: 16384 }',
    '  heavy: { model: "qwen2.5-coder:32b", endpoints: [emu], contextTokens: 32768 }',
    '',
  ].join('\n'));
  const serve = await startServe(config, dir);
  try {
    // Warm-up, both shapes: the JIT's tiers, connections, the host inventory's caches; then a pause for the JIT's background work.
    await measure(emulator.url, serve.url, 1000, 4, false);
    await measure(emulator.url, serve.url, 1000, 4, true);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rows = [];
    for (const stream of [false, true]) {
      const shape = stream ? 'streamed' : 'whole';
      rows.push(row(`${shape}, 1 at a time`, await measure(emulator.url, serve.url, pairs, 1, stream, serve.child.pid)));
      rows.push(row(`${shape}, ${load} in flight`, await measure(emulator.url, serve.url, pairs, load, stream, serve.child.pid)));
    }
    console.log(`router serve overhead: Ollama /api/chat, ${pairs} pairs per row (direct and through the gateway, alternately), emulator at --time-scale 0 (64 chunks an answer)`);
    console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
    console.log(table(
      ['shape, load', 'direct p50 ms', 'gateway p50 ms', 'added p50 ms', 'direct p99 ms', 'gateway p99 ms', 'added p99 ms', 'ratio p50', 'gateway CPU ms/req', 'requests/s'],
      rows));

    const marks = [1000, 5000, 10000].filter((m) => m <= soak);
    const rss = [['start', rssMb(serve.child.pid).toFixed(0)]];
    let sent = 0;
    let failed = 0;
    async function soaker() {
      while (sent < soak) {
        const i = ++sent;
        await post(`${serve.url}/v1/chat/completions`, JSON.stringify({ model: 'router/auto', messages: [{ role: 'user', content: `Soak ${i}: say hi.` }] }))
          .catch(() => { failed++; });
        if (marks.includes(i)) rss.push([`${i}`, rssMb(serve.child.pid).toFixed(0)]);
      }
    }
    const started = Date.now();
    await Promise.all(Array.from({ length: 8 }, soaker));
    console.log(`\nsoak: ${soak} OpenAI chat requests through the gateway, 8 in flight, ${((Date.now() - started) / 1000).toFixed(1)} s, ${failed} failed`);
    console.log(table(['requests', 'RSS MB'], rss));
  } finally {
    serve.child.kill();
    emulator.stop();
    agent.destroy();
  }
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
