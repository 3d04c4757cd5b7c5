import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { after, before, describe as suite, test } from 'node:test';
import { initCommandLine, initFailureMessage, runInit, shouldOfferConfig } from '../src/core/routerInit';
import { fromFile } from '../src/core/serverDiscovery';

// The real server and the emulated Ollama host, as build.cake's TestNode passes them (ROUTER_DLL,
// ROUTER_EMULATOR_DLL), else the Release builds.
const artifacts = path.resolve(__dirname, '..', '..', '..', 'artifacts', 'bin');
const routerDll = process.env['ROUTER_DLL'] ?? path.join(artifacts, 'Router.Cli', 'release', 'router.dll');
const emulatorDll = process.env['ROUTER_EMULATOR_DLL'] ?? path.join(artifacts, 'Router.Emulator', 'release', 'router-emulator.dll');
const server = fromFile('build', routerDll);

suite('Create router.yaml: when it is offered', () => {
  const none = { folder: '/ws', configFileSet: false, routerYamlExists: false, offeredBefore: false };

  test('a folder without router.yaml or a configured file is offered it', () => {
    assert.equal(shouldOfferConfig(none), true);
  });

  test('never twice, never over a router.yaml, a chosen config file, or without a folder', () => {
    assert.equal(shouldOfferConfig({ ...none, offeredBefore: true }), false);
    assert.equal(shouldOfferConfig({ ...none, routerYamlExists: true }), false);
    assert.equal(shouldOfferConfig({ ...none, configFileSet: true }), false);
    assert.equal(shouldOfferConfig({ ...none, folder: undefined }), false);
  });

  test('a dll server runs init through dotnet with its dll first', () => {
    assert.deepEqual(initCommandLine(fromFile('bundled', '/ext/server/router.dll'), '/ws/router.yaml'), {
      command: 'dotnet', args: ['/ext/server/router.dll', 'init', '--out', '/ws/router.yaml'],
    });
    assert.deepEqual(initCommandLine(fromFile('bundled', '/ext/server/router'), '/ws/router.yaml').args, ['init', '--out', '/ws/router.yaml']);
  });

  test('the failure shown is init\'s own last word, without its prefix', () => {
    assert.equal(initFailureMessage({ written: false, exitCode: 2, stderr: 'router init: /ws/router.yaml exists; pass --force\n' }), '/ws/router.yaml exists; pass --force');
    assert.match(initFailureMessage({ written: false, exitCode: 3, stderr: '' }), /exit code 3/);
  });
});

suite('Create router.yaml: the real `router init`', () => {
  let emulator: ChildProcess | undefined;
  let emulatorUrl = '';
  let workspace = '';

  before(async () => {
    for (const dll of [routerDll, emulatorDll]) {
      assert.ok(fs.existsSync(dll), `${dll} is missing (dotnet build -c Release)`);
    }
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'router-init-ext-'));
    const child = spawn('dotnet', [emulatorDll, '--port', '0', '--time-scale', '0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
    emulator = child;
    emulatorUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the emulator did not start in 60 s')), 60_000);
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      });
      child.on('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
    });
  });

  after(() => {
    emulator?.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  test('writes router.yaml from the host\'s models and streams what it found', async () => {
    const out = path.join(workspace, 'router.yaml');
    const lines: string[] = [];
    const outcome = await runInit(server, out, { ...process.env, OLLAMA_HOST: emulatorUrl }, (line) => lines.push(line));
    assert.equal(outcome.written, true, outcome.stderr);
    const yaml = fs.readFileSync(out, 'utf8');
    assert.match(yaml, new RegExp(emulatorUrl.replace(/[.:/]/g, '\\$&')), 'the host it probed is in the file');
    assert.match(yaml, /qwen2\.5-coder/, 'a coder model serves a tier');
    assert.ok(lines.some((l) => l.includes('qwen2.5-coder')), `the model list reached the output channel:\n${lines.join('\n')}`);
  });

  test('never overwrites: a second run keeps the file and says why', async () => {
    const out = path.join(workspace, 'router.yaml');
    fs.writeFileSync(out, '# mine\n');
    const outcome = await runInit(server, out, { ...process.env, OLLAMA_HOST: emulatorUrl }, () => undefined);
    assert.equal(outcome.written, false);
    assert.match(initFailureMessage(outcome), /exists; pass --force/);
    assert.equal(fs.readFileSync(out, 'utf8'), '# mine\n');
  });

  test('a server that cannot start is reported, not thrown', async () => {
    const outcome = await runInit(fromFile('bundled', path.join(workspace, 'no-such-router')), path.join(workspace, 'other.yaml'), process.env, () => undefined);
    assert.equal(outcome.written, false);
    assert.match(initFailureMessage(outcome), /could not start/);
  });
});
