// Entry point: wires the status bar, output channels, answer view and commands to a server session.
import * as vscode from 'vscode';
import { AnswerView, answerScheme } from './answerView';
import { ApiKeys } from './apiKeys';
import { registerCommands } from './commands';
import { offerConfig } from './createConfig';
import { needsRestart } from './core/settings';
import { RefactorActionProvider } from './refactorAction';
import { RouterSession, currentSettings } from './routerSession';
import { StatusBar } from './statusBar';

let session: RouterSession | null = null;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverLog = vscode.window.createOutputChannel('Router.Lsp', { log: true });
  const routingLog = vscode.window.createOutputChannel('Router.Lsp Routing', { log: true });
  // A plain channel: the table reads without a log line's timestamp, and each run replaces the last.
  const configuration = vscode.window.createOutputChannel('Router.Lsp Configuration');
  const status = new StatusBar();
  const answers = new AnswerView();
  const apiKeys = new ApiKeys(context);
  context.subscriptions.push(serverLog, routingLog, configuration, status, answers, vscode.workspace.registerTextDocumentContentProvider(answerScheme, answers));

  const sinks = { extensionPath: context.extensionPath, serverLog, routingLog, status, answers, apiKeys };
  const applySettings = () => {
    const settings = currentSettings();
    status.update((s) => ({ ...s, localOnly: settings.privacy.localOnly, budgetUsd: settings.budget.dailyUsd }));
  };
  applySettings();
  session = new RouterSession(sinks);

  // Restarts are serialized: a second click while one runs waits for it instead of racing it.
  let restarting: Promise<void> = Promise.resolve();
  const restart = () => {
    restarting = restarting.then(async () => {
      await session?.stop();
      session = new RouterSession(sinks);
      await session.start();
    });
    return restarting;
  };

  context.subscriptions.push(
    ...registerCommands({ session: () => session ?? new RouterSession(sinks), restart, answers, apiKeys, routingLog, configuration, serverLog, extensionPath: context.extensionPath }),
    vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }],
      new RefactorActionProvider(),
      { providedCodeActionKinds: RefactorActionProvider.kinds },
    ),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('router')) {
        return;
      }
      applySettings();
      // Everything else reaches the running server as workspace/didChangeConfiguration.
      if (needsRestart((section) => e.affectsConfiguration(section))) {
        serverLog.info('server path or config file changed: restarting the server');
        void restart();
      }
    }),
  );

  await session.start();
  // Not awaited: the notification stays until the user answers or closes it.
  void offerConfig({ session: () => session ?? new RouterSession(sinks), restart, extensionPath: context.extensionPath, serverLog }, context.workspaceState);
}

export async function deactivate(): Promise<void> {
  await session?.stop();
  session = null;
}
