// `router serve` passing tools and images through OpenAI's /v1/chat/completions, driven by the official `openai` SDK and
// curl against the real process, with emulated hosts on 127.0.0.1: a local Ollama host and a cloud OpenAI-compatible one.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const OpenAI = require('openai');
const { startEmulator, startServe } = require('./lib/router');

// A 1x1 PNG.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const TOOLS = [{
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
}];
let local;
let cloud;
let dir;
let server;
let client;

/** A router.yaml: the local tiers on one emulated Ollama host; the vision tier lists the cloud host first. */
function writeConfig() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'router-serve-tools-'));
  fs.writeFileSync(path.join(folder, 'router.yaml'), [
    'endpoints:',
    `  local: { provider: ollama, url: ${local.url} }`,
    `  cloud: { provider: openai, url: ${cloud.url}/v1, cloud: true }`,
    'tiers:',
    '  quick: { model: "qwen2.5:3b", endpoints: [local], contextTokens: 8192 }',
    '  code: { model: "qwen2.5-coder:14b", endpoints: [local], contextTokens: 16384 }',
    '  heavy: { model: "qwen2.5-coder:32b", endpoints: [local], contextTokens: 32768 }',
    '  vision: { model: "granite3.2-vision:2b", endpoints: [cloud, local], contextTokens: 16384 }',
    '  frontier: { model: "qwen2.5:3b", endpoints: [cloud], contextTokens: 200000, usdPerMillionInput: 3, usdPerMillionOutput: 15 }',
    'routes: { chat: quick }',
    'budget: { dailyUsd: 5 }',
    '',
  ].join('\n'));
  return folder;
}

const chats = async (host) => (await host.requests()).filter((r) => r.endpoint === '/api/chat' || r.endpoint === '/v1/chat/completions');

before(async () => {
  local = await startEmulator(['--time-scale', '0']);
  cloud = await startEmulator(['--time-scale', '0']);
  dir = writeConfig();
  server = await startServe(dir);
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused', maxRetries: 0 });
});

after(() => {
  server?.stop();
  local?.stop();
  cloud?.stop();
});

test('openai SDK: a tool loop, whole: the model calls the tool, gets its result and answers from it', async () => {
  const messages = [{ role: 'user', content: 'What is the weather in Paris?' }];
  const { data: first, response } = await client.chat.completions.create({ model: 'router/auto', messages, tools: TOOLS }).withResponse();
  assert.equal(response.headers.get('x-router-tier'), 'quick');
  assert.equal(first.choices[0].finish_reason, 'tool_calls');
  const message = first.choices[0].message;
  assert.equal(message.content, null);
  const [call] = message.tool_calls;
  assert.equal(call.type, 'function');
  assert.equal(call.function.name, 'get_weather');
  assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Paris' });

  messages.push(message, { role: 'tool', tool_call_id: call.id, content: '18 C and sunny' });
  const second = await client.chat.completions.create({ model: 'router/auto', messages, tools: TOOLS });
  assert.equal(second.choices[0].finish_reason, 'stop');
  assert.match(second.choices[0].message.content, /18 C and sunny/);
  const sent = (await chats(local)).slice(-2);
  assert.deepEqual(sent.map((r) => r.tools), [1, 1]);
});

test('openai SDK: a tool loop, streamed: the call arrives as a tool_calls delta, the answer as text', async () => {
  const messages = [{ role: 'user', content: 'What is the weather in Lisbon?' }];
  const calls = [];
  let finish = null;
  for await (const chunk of await client.chat.completions.create({ model: 'router/auto', messages, tools: TOOLS, stream: true })) {
    for (const delta of chunk.choices[0]?.delta?.tool_calls ?? []) {
      calls[delta.index] ??= { id: '', name: '', arguments: '' };
      calls[delta.index].id += delta.id ?? '';
      calls[delta.index].name += delta.function?.name ?? '';
      calls[delta.index].arguments += delta.function?.arguments ?? '';
    }
    finish = chunk.choices[0]?.finish_reason ?? finish;
  }
  assert.equal(finish, 'tool_calls');
  assert.equal(calls.length, 1);
  assert.equal(calls[0].name, 'get_weather');
  assert.deepEqual(JSON.parse(calls[0].arguments), { city: 'Lisbon' });

  messages.push(
    { role: 'assistant', content: null, tool_calls: [{ id: calls[0].id, type: 'function', function: { name: calls[0].name, arguments: calls[0].arguments } }] },
    { role: 'tool', tool_call_id: calls[0].id, content: '22 C and windy' });
  let text = '';
  for await (const chunk of await client.chat.completions.create({ model: 'router/auto', messages, tools: TOOLS, stream: true })) {
    text += chunk.choices[0]?.delta?.content ?? '';
    finish = chunk.choices[0]?.finish_reason ?? finish;
  }
  assert.equal(finish, 'stop');
  assert.match(text, /22 C and windy/);
});

test('openai SDK: an image as a data URL reaches the vision model on the local host, never the cloud one listed first', async () => {
  const cloudBefore = (await chats(cloud)).length;
  const { data, response } = await client.chat.completions.create({
    model: 'router/auto',
    messages: [{ role: 'user', content: [{ type: 'text', text: 'What is in this picture?' }, { type: 'image_url', image_url: { url: PNG } }] }],
  }).withResponse();
  assert.equal(response.headers.get('x-router-tier'), 'vision');
  assert.equal(response.headers.get('x-router-endpoint'), 'local');
  assert.match(response.headers.get('x-router-reasons'), /private: 1 image attached/);
  assert.ok(data.choices[0].message.content.length > 0);
  const sent = (await chats(local)).pop();
  assert.equal(sent.model, 'granite3.2-vision:2b');
  assert.equal(sent.images, 1);
  assert.equal((await chats(cloud)).length, cloudBefore);
});

test('openai SDK: an image sent to router/frontier is kept from the cloud endpoint; a remote image URL is a 400', async () => {
  const cloudBefore = (await chats(cloud)).length;
  const { data: stream, response } = await client.chat.completions.create({
    model: 'router/frontier',
    stream: true,
    messages: [{ role: 'user', content: [{ type: 'text', text: 'Describe this.' }, { type: 'image_url', image_url: { url: PNG } }] }],
  }).withResponse();
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  assert.ok(text.length > 0);
  assert.equal(response.headers.get('x-router-endpoint'), 'local');
  assert.match(response.headers.get('x-router-reasons'), /tier frontier requested, set aside: the request is private/);
  assert.equal((await chats(cloud)).length, cloudBefore);

  await assert.rejects(
    client.chat.completions.create({
      model: 'router/auto',
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }],
    }),
    (e) => e instanceof OpenAI.BadRequestError && /fetches nothing/.test(e.message));
  assert.equal((await chats(cloud)).length, cloudBefore);
});

test('curl: a request with tools gets the tool call and the router headers', () => {
  const out = cp.execFileSync('curl', [
    '-sS', '-D', '-', `${server.url}/v1/chat/completions`, '-H', 'Content-Type: application/json',
    '-d', JSON.stringify({ model: 'router/auto', tools: TOOLS, messages: [{ role: 'user', content: 'Weather in Oslo?' }] }),
  ], { encoding: 'utf8' });
  assert.match(out, /^HTTP\/1\.1 200/);
  assert.match(out, /x-router-tier: quick/i);
  const body = JSON.parse(out.slice(out.indexOf('\r\n\r\n') + 4));
  assert.equal(body.choices[0].finish_reason, 'tool_calls');
  assert.deepEqual(JSON.parse(body.choices[0].message.tool_calls[0].function.arguments), { city: 'Oslo' });
});
