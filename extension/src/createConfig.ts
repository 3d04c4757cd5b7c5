// "Router: Create router.yaml": `router init` writes the workspace's router.yaml from the models the
// Ollama hosts have; a workspace without one is offered this once, when the extension starts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { initFailureMessage, runInit, shouldOfferConfig } from './core/routerInit';
import { describe } from './core/serverDiscovery';
import type { RouterSession } from './routerSession';
import { findServer } from './serverLauncher';

const offeredKey = 'router.createConfigOffered';

export interface CreateConfigContext {
  session: () => RouterSession;
  restart: () => Promise<void>;
  extensionPath: string;
  serverLog: vscode.LogOutputChannel;
}

function workspaceRoot(): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
}

function configFileSet(): boolean {
  return vscode.workspace.getConfiguration('router').get<string>('configFile', '').trim() !== '';
}

export async function createConfig(ctx: CreateConfigContext): Promise<void> {
  const root = workspaceRoot();
  if (!root) {
    throw new Error('open a folder first: router.yaml is written to the workspace root');
  }
  const out = path.join(root, 'router.yaml');
  const server = ctx.session().discovery?.server ?? (await findServer(ctx.extensionPath)).server;
  if (!server) {
    throw new Error('no server was found to run `router init` (Router: Run Doctor says where it looked)');
  }
  ctx.serverLog.info(`running ${describe(server)} init --out ${out}`);
  ctx.serverLog.show(true);
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Router: asking the Ollama hosts for their models…' },
    () => runInit(server, out, process.env, (line, stream) => (stream === 'stderr' ? ctx.serverLog.warn(line) : ctx.serverLog.info(line))),
  );
  if (!outcome.written) {
    throw new Error(`router.yaml was not written: ${initFailureMessage(outcome)}`);
  }
  await vscode.window.showTextDocument(vscode.Uri.file(out));
  if (!configFileSet()) {
    // The server read the built-in default when it started; the new file replaces it.
    await ctx.restart();
  }
  void vscode.window.showInformationMessage('Router: router.yaml written from the models your hosts have; the output channel lists them.');
}

/** Offers "Create router.yaml" once per workspace that has none (and no router.configFile). */
export async function offerConfig(ctx: CreateConfigContext, state: vscode.Memento): Promise<void> {
  const root = workspaceRoot();
  const offer = shouldOfferConfig({
    folder: root,
    configFileSet: configFileSet(),
    routerYamlExists: root !== undefined && fs.existsSync(path.join(root, 'router.yaml')),
    offeredBefore: state.get<boolean>(offeredKey, false),
  });
  if (!offer) {
    return;
  }
  await state.update(offeredKey, true);
  const create = 'Create router.yaml';
  const choice = await vscode.window.showInformationMessage(
    'Router: this workspace has no router.yaml, so the built-in default (Ollama on this machine) is used. Write one from the models your Ollama hosts have?',
    create,
  );
  if (choice === create) {
    await vscode.commands.executeCommand('router.createConfig');
  }
}
