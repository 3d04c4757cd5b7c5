// Records what the official TypeScript SDK (@anthropic-ai/sdk) puts on the wire for the tool requests that
// AnthropicToolWireTests makes with the router's own client (tools, tool_choice, a tool_use turn and its tool_result), and
// what the SDK reads from tool-use-stream.sse (a stream as the Messages API documents it for tool use: text, then two
// tool_use blocks whose input arrives in input_json_delta pieces). The output is sdk-tool-requests.json, committed beside
// this file. To make it again (no network but the npm registry):
//   mkdir /tmp/sdk && cd /tmp/sdk && npm init -y && npm install @anthropic-ai/sdk@1.17.0
//   node <repository>/tests/Router.Backends.Tests/Anthropic/Fixtures/capture-sdk-tool-requests.mjs > <this folder>/sdk-tool-requests.json
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
const transcript = fs.readFileSync(path.join(here, 'tool-use-stream.sse'), 'utf8');
const recorded = [];

const server = http.createServer((request, response) => {
  let body = '';
  request.on('data', (part) => { body += part; });
  request.on('end', () => {
    const parsed = JSON.parse(body);
    recorded.push({ path: request.url, body: parsed });
    if (parsed.stream) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(transcript);
    } else {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({
        id: 'msg_02', type: 'message', role: 'assistant', model: parsed.model, content: [{ type: 'text', text: 'It is 7 °C.' }],
        stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 30, output_tokens: 8 },
      }));
    }
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const client = new Anthropic({ apiKey: 'sk-ant-fixture-key', baseURL: `http://127.0.0.1:${server.address().port}`, maxRetries: 0 });

const tools = [
  {
    name: 'get_weather',
    description: 'The weather at a place',
    input_schema: {
      type: 'object',
      properties: { location: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['location'],
    },
  },
  { name: 'get_time', input_schema: { type: 'object', properties: {} } },
];

// The first turn of a tool loop, streamed, with the model made to use some tool.
const stream = client.messages.stream({
  model: 'claude-sonnet-4-5',
  max_tokens: 256,
  tools,
  tool_choice: { type: 'any' },
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Weather in Zürich?' }] }],
});
const message = await stream.finalMessage();

// The second turn: the model's tool_use blocks and their results go back; one result is an error.
await client.messages.create({
  model: 'claude-sonnet-4-5',
  max_tokens: 256,
  tools,
  tool_choice: { type: 'tool', name: 'get_weather' },
  messages: [
    { role: 'user', content: [{ type: 'text', text: 'Weather in Zürich?' }] },
    { role: 'assistant', content: message.content },
    { role: 'user', content: [
      { type: 'tool_result', tool_use_id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', content: '{"temperature":7}' },
      { type: 'tool_result', tool_use_id: 'toolu_01Kq8mJ4hZ2cT7eWnQ3vYx9P', content: 'clock unavailable', is_error: true },
    ] },
  ],
  stream: false,
});
server.close();

process.stdout.write(JSON.stringify({
  note: `Made by capture-sdk-tool-requests.mjs with @anthropic-ai/sdk ${version}`,
  streaming: recorded[0],
  whole: recorded[1],
  sdkReadFromTranscript: { content: message.content, stopReason: message.stop_reason, outputTokens: message.usage.output_tokens },
}, null, 2) + '\n');
