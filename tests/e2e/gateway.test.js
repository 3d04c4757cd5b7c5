// `router serve` driven by the clients its users run: the official `openai` and `@anthropic-ai/sdk` SDKs, the `ollama`
// npm client and curl, against the real process and emulated hosts on 127.0.0.1.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const OpenAI = require('openai');
const Anthropic = require('@anthropic-ai/sdk');
const { Ollama } = require('ollama');
const { routerCommand, startEmulator } = require('./lib/router');

const PRIVATE = 'Why does the deploy fail? aws_access_key_id = AKIAQWERTYUIOPASDFGH';
let local;
let cloud;
let dir;
let server;

/** A router.yaml: every local tier on one emulated Ollama host, frontier on another speaking the Anthropic API. */
function writeConfig() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'router-serve-'));
  fs.writeFileSync(path.join(folder, 'router.yaml'), [
    'endpoints:',
    `  local: { provider: ollama, url: ${local.url} }`,
    `  cloud: { provider: anthropic, url: ${cloud.url}, cloud: true }`,
    'tiers:',
    '  quick: { model: "qwen2.5:3b", endpoints: [local], contextTokens: 8192 }',
    '  code: { model: "qwen2.5-coder:14b", endpoints: [local], contextTokens: 16384 }',
    '  heavy: { model: "qwen2.5-coder:32b", endpoints: [local], contextTokens: 32768 }',
    '  frontier: { model: "deepseek-r1:8b", endpoints: [cloud], contextTokens: 200000, usdPerMillionInput: 3, usdPerMillionOutput: 15 }',
    'routes: { chat: quick }',
    'budget: { dailyUsd: 5 }',
    '',
  ].join('\n'));
  return folder;
}

/** Starts `router serve` and resolves with its base URL once it says where it listens. */
async function startServe(...extra) {
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

async function cloudGenerations() {
  return (await cloud.requests()).filter((r) => /messages|chat|generate|completions/.test(r.endpoint));
}

before(async () => {
  local = await startEmulator(['--time-scale', '0']);
  cloud = await startEmulator(['--time-scale', '0']);
  dir = writeConfig();
  server = await startServe();
});

after(() => {
  server?.stop();
  local?.stop();
  cloud?.stop();
});

test('openai SDK: a chat is answered whole, with the route in the headers', async () => {
  const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  const { data, response } = await client.chat.completions
    .create({ model: 'router/auto', messages: [{ role: 'user', content: 'What is the capital of France?' }] })
    .withResponse();
  assert.ok(data.choices[0].message.content.length > 0);
  assert.equal(data.choices[0].finish_reason, 'stop');
  assert.equal(data.model, 'qwen2.5:3b');
  assert.equal(response.headers.get('x-router-tier'), 'quick');
  assert.equal(response.headers.get('x-router-endpoint'), 'local');
  assert.ok(data.usage.completion_tokens > 0);
});

test('openai SDK: a streamed chat arrives in pieces and ends with usage', async () => {
  const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  const stream = await client.chat.completions.create({
    model: 'router/code',
    stream: true,
    stream_options: { include_usage: true },
    messages: [{ role: 'user', content: 'Write a function that reverses a string.' }],
  });
  let text = '';
  let pieces = 0;
  let usage = null;
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta?.content;
    if (delta) { text += delta; pieces++; }
    if (chunk.usage) usage = chunk.usage;
  }
  assert.ok(pieces > 2, `${pieces} pieces`);
  assert.ok(text.length > 0);
  assert.ok(usage && usage.completion_tokens > 0);
});

test('openai SDK: fill-in-the-middle through /v1/completions with a suffix goes to the code tier', async () => {
  const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  const { data, response } = await client.completions
    .create({ model: 'router/auto', prompt: 'def area(r):\n    return ', suffix: '\n\nprint(area(2))\n', max_tokens: 32 })
    .withResponse();
  assert.equal(response.headers.get('x-router-tier'), 'code');
  assert.equal(typeof data.choices[0].text, 'string');
  const sent = (await local.requests()).filter((r) => r.endpoint === '/api/generate').pop();
  assert.equal(sent.suffix, '\n\nprint(area(2))\n');

  const stream = await client.completions.create({ model: 'router/auto', prompt: 'const x = ', suffix: ';\n', stream: true });
  let pieces = 0;
  for await (const chunk of stream) if (chunk.choices[0]?.text) pieces++;
  assert.ok(pieces > 0);
});

test('openai SDK: the model list and a missing model', async () => {
  const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  const ids = [];
  for await (const model of client.models.list()) ids.push(model.id);
  assert.ok(ids.includes('router/auto') && ids.includes('router/frontier') && ids.includes('qwen2.5-coder:14b'), ids.join(', '));
  await assert.rejects(
    client.chat.completions.create({ model: 'router/fastest', messages: [{ role: 'user', content: 'hi' }] }),
    (e) => e instanceof OpenAI.NotFoundError && e.status === 404);
});

test('openai SDK: a private prompt sent to router/frontier is answered locally and the cloud host sees nothing', async () => {
  const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  const before = (await cloudGenerations()).length;
  const { response } = await client.chat.completions
    .create({ model: 'router/frontier', messages: [{ role: 'user', content: PRIVATE }] })
    .withResponse();
  assert.equal(response.headers.get('x-router-endpoint'), 'local');
  assert.match(response.headers.get('x-router-reasons'), /private/);
  assert.equal((await cloudGenerations()).length, before);

  // The control: without the secret, router/frontier does reach the cloud host.
  const shared = await client.chat.completions
    .create({ model: 'router/frontier', messages: [{ role: 'user', content: 'Summarise event sourcing.' }] })
    .withResponse();
  assert.equal(shared.response.headers.get('x-router-endpoint'), 'cloud');
  assert.equal((await cloudGenerations()).length, before + 1);
});

test('anthropic SDK: messages whole and streamed', async () => {
  const client = new Anthropic({ baseURL: server.url, apiKey: 'unused', maxRetries: 0 });
  const message = await client.messages.create({
    model: 'router/auto', max_tokens: 64, messages: [{ role: 'user', content: 'What is a monad?' }],
  });
  assert.equal(message.role, 'assistant');
  assert.equal(message.content[0].type, 'text');
  assert.ok(message.content[0].text.length > 0);
  assert.equal(message.stop_reason, 'end_turn');

  const stream = client.messages.stream({ model: 'router/auto', max_tokens: 64, messages: [{ role: 'user', content: 'What is a monad?' }] });
  let text = '';
  stream.on('text', (t) => { text += t; });
  const final = await stream.finalMessage();
  assert.ok(text.length > 0);
  assert.equal(final.content[0].text, text);
});

test('ollama client: chat streamed and whole, generate with a suffix, list', async () => {
  const client = new Ollama({ host: server.url });
  let text = '';
  for await (const part of await client.chat({ model: 'router/auto', stream: true, messages: [{ role: 'user', content: 'Hello' }] })) {
    text += part.message.content;
    if (part.done) assert.equal(part.done_reason, 'stop');
  }
  assert.ok(text.length > 0);
  const whole = await client.chat({ model: 'router/auto', messages: [{ role: 'user', content: 'Hello' }] });
  assert.ok(whole.message.content.length > 0);
  const fim = await client.generate({ model: 'router/auto', prompt: 'def add(a, b):\n    ', suffix: '\n' });
  assert.equal(typeof fim.response, 'string');
  const { models } = await client.list();
  assert.ok(models.some((m) => m.name === 'router/auto'));
});

test('curl: a chat answered with the router headers', () => {
  const out = cp.execFileSync('curl', [
    '-sS', '-D', '-', `${server.url}/v1/chat/completions`, '-H', 'Content-Type: application/json',
    '-d', '{"model":"router/auto","messages":[{"role":"user","content":"Say hello"}]}',
  ], { encoding: 'utf8' });
  assert.match(out, /^HTTP\/1\.1 200/);
  assert.match(out, /x-router-tier: quick/i);
  const body = JSON.parse(out.slice(out.indexOf('\r\n\r\n') + 4));
  assert.ok(body.choices[0].message.content.length > 0);
});

test('keys: a keyed gateway refuses the SDK without the key and answers with it; no keys on a public address refuses to start', async () => {
  const hash = cp.execFileSync(routerCommand()[0], [...routerCommand('serve', '--hash-key')[1]], { input: 'sk-e2e\n', encoding: 'utf8' }).trim();
  assert.match(hash, /^sha256:[0-9a-f]{64}$/);
  const keys = path.join(dir, 'keys.yaml');
  fs.writeFileSync(keys, `keys:\n  - name: e2e\n    hash: ${hash}\n    tiers: [quick, code]\n`);
  const keyed = await startServe('--keys', keys);
  try {
    const wrong = new OpenAI({ baseURL: `${keyed.url}/v1`, apiKey: 'sk-wrong', maxRetries: 0 });
    await assert.rejects(
      wrong.chat.completions.create({ model: 'router/auto', messages: [{ role: 'user', content: 'hi' }] }),
      (e) => e instanceof OpenAI.AuthenticationError);
    const right = new OpenAI({ baseURL: `${keyed.url}/v1`, apiKey: 'sk-e2e', maxRetries: 0 });
    const ok = await right.chat.completions.create({ model: 'router/auto', messages: [{ role: 'user', content: 'hi' }] });
    assert.ok(ok.choices[0].message.content.length > 0);
    await assert.rejects(
      right.chat.completions.create({ model: 'router/heavy', messages: [{ role: 'user', content: 'hi' }] }),
      (e) => e instanceof OpenAI.PermissionDeniedError);
  } finally {
    keyed.stop();
  }

  const [cmd, args] = routerCommand('serve', '--config', path.join(dir, 'router.yaml'), '--listen', '0.0.0.0:0');
  const open = cp.spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, XDG_STATE_HOME: dir }, timeout: 60000 });
  assert.equal(open.status, 2);
  assert.match(open.stderr, /refusing to listen on 0\.0\.0\.0:0 without keys/);
});
