// Records what the official TypeScript SDK (@anthropic-ai/sdk) puts on the wire for the two requests that
// AnthropicWireFidelityTests makes with the router's own client, and what the SDK reads from messages-stream.sse.
// The output is sdk-requests.json, committed beside this file. To make it again (no network but the npm registry):
//   mkdir /tmp/sdk && cd /tmp/sdk && npm init -y && npm install @anthropic-ai/sdk@1.17.0
//   node <repository>/tests/Router.Backends.Tests/Anthropic/Fixtures/capture-sdk-requests.mjs > <this folder>/sdk-requests.json
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(process.cwd(), 'package.json'));
const sdk = require('@anthropic-ai/sdk');
const Anthropic = sdk.default ?? sdk.Anthropic ?? sdk;
const version = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'node_modules/@anthropic-ai/sdk/package.json'), 'utf8')).version;
const transcript = fs.readFileSync(path.join(here, 'messages-stream.sse'), 'utf8');
const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';
const recorded = [];

const server = http.createServer((request, response) => {
  let body = '';
  request.on('data', (part) => { body += part; });
  request.on('end', () => {
    const parsed = JSON.parse(body);
    recorded.push({
      method: request.method,
      path: request.url,
      headers: Object.fromEntries(['anthropic-version', 'x-api-key', 'authorization', 'content-type'].map((name) => [name, request.headers[name]])),
      body: parsed,
    });
    if (parsed.stream) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(transcript);
    } else {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({
        id: 'msg_01', type: 'message', role: 'assistant', model: parsed.model, content: [{ type: 'text', text: 'Hi.' }],
        stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 9, output_tokens: 3 },
      }));
    }
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const client = new Anthropic({ apiKey: 'sk-ant-fixture-key', baseURL: `http://127.0.0.1:${server.address().port}`, maxRetries: 0 });

const stream = await client.messages.create({
  model: 'claude-sonnet-4-5',
  max_tokens: 256,
  system: 'Be brief.',
  messages: [
    { role: 'user', content: [
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: pixel } },
      { type: 'text', text: 'What does this diagram show?' },
    ] },
    { role: 'assistant', content: [{ type: 'text', text: 'A class and its dependencies.' }] },
    { role: 'user', content: [{ type: 'text', text: 'Explain dependency injection' }] },
  ],
  temperature: 0.2,
  stop_sequences: ['\n\nHuman:'],
  stream: true,
});
let text = '';
let stopReason = null;
let outputTokens = null;
for await (const event of stream) {
  if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
  if (event.type === 'message_delta') { stopReason = event.delta.stop_reason; outputTokens = event.usage.output_tokens; }
}

await client.messages.create({
  model: 'claude-sonnet-4-5',
  max_tokens: 64,
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Say hi' }] }],
  stream: false,
});
server.close();

process.stdout.write(JSON.stringify({
  note: `Made by capture-sdk-requests.mjs with @anthropic-ai/sdk ${version}`,
  streaming: recorded[0],
  whole: recorded[1],
  sdkReadFromTranscript: { text, stopReason, outputTokens },
}, null, 2) + '\n');
