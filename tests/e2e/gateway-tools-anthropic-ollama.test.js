// Tools and images through `router serve`'s Anthropic and Ollama routes, driven by the official `@anthropic-ai/sdk` and the
// `ollama` npm client: a whole tool loop (the model calls a tool, the client runs it, the model reads the result), streamed
// and not, and images sent to the vision tier, never to the cloud. The emulated model calls the first tool it is offered
// after a user's message, and quotes a tool's result.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Anthropic = require('@anthropic-ai/sdk');
const { Ollama } = require('ollama');
const { startEmulator, startServe } = require('./lib/router');

// A real 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';
const WEATHER = {
  name: 'get_weather',
  description: 'The weather at a place',
  input_schema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
};
let local;
let cloud;
let dir;
let server;

before(async () => {
  local = await startEmulator(['--time-scale', '0']);
  cloud = await startEmulator(['--time-scale', '0']);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'router-serve-tools-'));
  fs.writeFileSync(path.join(dir, 'router.yaml'), [
    'endpoints:',
    `  local: { provider: ollama, url: ${local.url} }`,
    `  cloud: { provider: anthropic, url: ${cloud.url}, cloud: true }`,
    'tiers:',
    '  quick: { model: "qwen2.5:3b", endpoints: [local], contextTokens: 8192 }',
    '  code: { model: "qwen2.5-coder:14b", endpoints: [local], contextTokens: 16384 }',
    '  vision: { model: "granite3.2-vision:2b", endpoints: [local], contextTokens: 8192 }',
    '  frontier: { model: "qwen2.5-coder:32b", endpoints: [cloud], contextTokens: 200000, usdPerMillionInput: 3, usdPerMillionOutput: 15 }',
    'routes: { chat: quick }',
    'budget: { dailyUsd: 5 }',
    '',
  ].join('\n'));
  server = await startServe(dir);
});

after(() => {
  server?.stop();
  local?.stop();
  cloud?.stop();
});

async function lastChat(host) {
  return (await host.requests()).filter((r) => r.endpoint === '/api/chat').pop();
}

test('anthropic SDK: a tool loop, the call whole, the result read by the model', async () => {
  const client = new Anthropic({ baseURL: server.url, apiKey: 'unused', maxRetries: 0 });
  const messages = [{ role: 'user', content: 'What is the weather in Oslo' }];
  const { data: first, response } = await client.messages
    .create({ model: 'router/auto', max_tokens: 128, tools: [WEATHER], messages })
    .withResponse();
  assert.equal(response.headers.get('x-router-tier'), 'quick');
  assert.equal(first.stop_reason, 'tool_use');
  const call = first.content.find((b) => b.type === 'tool_use');
  assert.equal(call.name, 'get_weather');
  assert.deepEqual(call.input, { location: 'Oslo' });
  assert.equal((await lastChat(local)).tools, 1);

  messages.push({ role: 'assistant', content: first.content });
  messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: '7 degrees and rain' }] });
  const second = await client.messages.create({ model: 'router/auto', max_tokens: 128, tools: [WEATHER], messages });
  assert.equal(second.stop_reason, 'end_turn');
  assert.match(second.content[0].text, /7 degrees and rain/);
});

test('anthropic SDK: a streamed tool call arrives as a tool_use block the SDK assembles', async () => {
  const client = new Anthropic({ baseURL: server.url, apiKey: 'unused', maxRetries: 0 });
  const stream = client.messages.stream({
    model: 'router/auto', max_tokens: 128, tools: [WEATHER], tool_choice: { type: 'tool', name: 'get_weather' },
    messages: [{ role: 'user', content: 'What is the weather in Bergen' }],
  });
  let json = '';
  stream.on('inputJson', (piece) => { json += piece; });
  const final = await stream.finalMessage();
  assert.equal(final.stop_reason, 'tool_use');
  const call = final.content.find((b) => b.type === 'tool_use');
  assert.equal(call.name, 'get_weather');
  assert.deepEqual(call.input, { location: 'Bergen' });
  assert.deepEqual(JSON.parse(json), { location: 'Bergen' });
  assert.ok(call.id.length > 0);
});

test('anthropic SDK: an image goes to the vision tier, and stays local even when frontier is asked for', async () => {
  const client = new Anthropic({ baseURL: server.url, apiKey: 'unused', maxRetries: 0 });
  const content = [
    { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
    { type: 'text', text: 'What is in this picture?' },
  ];
  const { data, response } = await client.messages
    .create({ model: 'router/auto', max_tokens: 64, messages: [{ role: 'user', content }] })
    .withResponse();
  assert.equal(response.headers.get('x-router-tier'), 'vision');
  assert.equal(data.model, 'granite3.2-vision:2b');
  assert.equal((await lastChat(local)).images, 1);

  const cloudBefore = (await cloud.requests()).length;
  const asked = await client.messages
    .create({ model: 'router/frontier', max_tokens: 64, messages: [{ role: 'user', content }] })
    .withResponse();
  assert.equal(asked.response.headers.get('x-router-endpoint'), 'local');
  assert.match(asked.response.headers.get('x-router-reasons'), /image/);
  assert.equal((await cloud.requests()).length, cloudBefore);

  await assert.rejects(
    client.messages.create({
      model: 'router/auto', max_tokens: 64,
      messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } }] }],
    }),
    (e) => e.status === 400 && /messages\[0\]\.content\[0\]\.source\.type/.test(e.message));
});

test('ollama client: a tool loop streamed and whole, the result read by the model', async () => {
  const client = new Ollama({ host: server.url });
  const tools = [{ type: 'function', function: { name: WEATHER.name, description: WEATHER.description, parameters: WEATHER.input_schema } }];
  const messages = [{ role: 'user', content: 'What is the weather in Oslo' }];
  const calls = [];
  let done = null;
  for await (const part of await client.chat({ model: 'router/auto', stream: true, tools, messages })) {
    calls.push(...(part.message.tool_calls ?? []));
    if (part.done) done = part;
  }
  assert.equal(calls.length, 1);
  assert.equal(calls[0].function.name, 'get_weather');
  assert.deepEqual(calls[0].function.arguments, { location: 'Oslo' });
  assert.equal(done.done_reason, 'stop');

  const whole = await client.chat({ model: 'router/auto', tools, messages });
  assert.deepEqual(whole.message.tool_calls.map((c) => c.function.name), ['get_weather']);
  messages.push(whole.message);
  messages.push({ role: 'tool', tool_name: 'get_weather', content: '7 degrees and rain' });
  const answer = await client.chat({ model: 'router/auto', tools, messages });
  assert.match(answer.message.content, /7 degrees and rain/);
  assert.equal(answer.message.tool_calls, undefined);
});

test('ollama client: images in chat and generate go to the vision tier', async () => {
  const client = new Ollama({ host: server.url });
  const bytes = Buffer.from(PNG, 'base64');
  const chat = await client.chat({ model: 'router/auto', messages: [{ role: 'user', content: 'What is this?', images: [new Uint8Array(bytes)] }] });
  assert.equal(chat.model, 'granite3.2-vision:2b');
  assert.equal((await lastChat(local)).images, 1);
  const generated = await client.generate({ model: 'router/auto', prompt: 'Describe the picture', images: [PNG] });
  assert.equal(generated.model, 'granite3.2-vision:2b');
  assert.equal((await lastChat(local)).images, 1);
  await assert.rejects(
    client.chat({ model: 'router/auto', messages: [{ role: 'user', content: 'x', images: ['SGVsbG8sIHdvcmxk'] }] }),
    (e) => /messages\[0\]\.images\[0\]/.test(e.message));
});
