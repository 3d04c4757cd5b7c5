import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe as suite, test } from 'node:test';
import { ServerCommand } from '../src/core/protocol';
import { clientId } from '../src/core/settings';

interface Manifest {
  repository?: { url?: string };
  icon?: string;
  activationEvents: string[];
  scripts: Record<string, string>;
  contributes: { commands: { command: string }[]; configuration: { properties: Record<string, unknown> } };
}

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;

suite('the published manifest', () => {
  test('settings and commands share the client id as their one namespace', () => {
    const names = [...Object.keys(manifest.contributes.configuration.properties), ...manifest.contributes.commands.map((c) => c.command)];
    assert.deepEqual(names.filter((n) => !n.startsWith(`${clientId}.`)), []);
  });

  test('the trace setting vscode-languageclient reads for this client is declared', () => {
    assert.ok(`${clientId}.trace.server` in manifest.contributes.configuration.properties);
  });

  test('no extension command takes a server command\'s name (the client registers those itself)', () => {
    const serverCommands = new Set<string>(Object.values(ServerCommand));
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).filter((c) => serverCommands.has(c)), []);
  });

  test('it starts for the languages it serves or a workspace router.yaml, not with every window', () => {
    assert.ok(!manifest.activationEvents.includes('onStartupFinished') && !manifest.activationEvents.includes('*'));
    assert.ok(manifest.activationEvents.includes('workspaceContains:**/router.yaml'));
    assert.ok(manifest.activationEvents.includes('onLanguage:python'));
  });

  test('it is publishable: repository, an existing icon and changelog, no --allow-missing-repository', () => {
    assert.match(manifest.repository?.url ?? '', /^https:\/\/github\.com\//);
    assert.ok(manifest.icon && fs.existsSync(path.join(root, manifest.icon)), `icon ${manifest.icon} exists`);
    assert.ok(fs.existsSync(path.join(root, 'CHANGELOG.md')));
    assert.ok(!Object.values(manifest.scripts).some((s) => s.includes('--allow-missing-repository')));
  });
});
