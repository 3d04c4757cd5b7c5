// One run of the language server: discovery, the LanguageClient over stdio, the router/*
// notifications wired to the status bar, answers and routing log. Restart = a new session.
import * as vscode from 'vscode';
import {
  type ConfigurationParams,
  ExecuteCommandRequest,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import type { AnswerView } from './answerView';
import type { ApiKeys } from './apiKeys';
import { answerLine, commandErrorMessage, traceLine } from './core/routingLog';
import { type AnswerParams, type CompletionTraceParams, ServerNotification, type StatusParams } from './core/protocol';
import { type Discovery, describe, discoveryFailureMessage } from './core/serverDiscovery';
import { serverEnvironment } from './core/secrets';
import { type ServerSettings, clientId, serverArgs, serverSettings } from './core/settings';
import { applyStatus, applyTrace, messageToShow } from './core/status';
import { findServer } from './serverLauncher';
import type { StatusBar } from './statusBar';

/** The channels and views a session reports to; they outlive restarts. */
export interface SessionSinks {
  extensionPath: string;
  serverLog: vscode.LogOutputChannel;
  routingLog: vscode.LogOutputChannel;
  status: StatusBar;
  answers: AnswerView;
  apiKeys: ApiKeys;
}

/** The "router" settings for a scope, mapped to what the server reads. */
export function currentSettings(scope?: vscode.Uri): ServerSettings {
  const config = vscode.workspace.getConfiguration('router', scope);
  const folder = (scope && vscode.workspace.getWorkspaceFolder(scope)) ?? vscode.workspace.workspaceFolders?.[0];
  return serverSettings((key) => config.get(key), folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined);
}

export class RouterSession {
  private client: LanguageClient | null = null;
  private lastMessage: string | null = null;
  discovery: Discovery | null = null;

  constructor(private readonly sinks: SessionSinks) {}

  get running(): boolean {
    return this.client?.state === State.Running;
  }

  get languageClient(): LanguageClient | null {
    return this.client;
  }

  /** Finds the server, checks `--version`, starts it; a failure is shown once with a way out. */
  async start(): Promise<boolean> {
    const { serverLog, status } = this.sinks;
    status.update((s) => ({ ...s, phase: 'starting' }));
    this.discovery = await findServer(this.sinks.extensionPath);
    for (const attempt of this.discovery.attempts) {
      serverLog.info(`server candidate ${describe(attempt.candidate)}: ${attempt.result.ok ? `version ${attempt.result.version}` : attempt.result.error}`);
    }
    const server = this.discovery.server;
    if (!server) {
      status.update((s) => ({ ...s, phase: 'failed', serverVersion: null }));
      this.showStartFailure(discoveryFailureMessage(this.discovery));
      return false;
    }
    serverLog.info(`starting ${describe(server)} (version ${server.version})`);

    const settings = currentSettings();
    // The keys go only into the child's environment; neither they nor the environment are logged.
    const env = serverEnvironment(process.env, await this.sinks.apiKeys.all());
    const serverOptions: ServerOptions = {
      command: server.command,
      args: [...server.args, ...serverArgs(settings)],
      transport: TransportKind.stdio,
      options: { env },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
      outputChannel: serverLog,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // statusMessages: this extension pops up router/status messages itself, so the server skips window/showMessage.
      // completionAccepts: VS Code runs an inline completion item's command when the user accepts it, so the server can
      // count a suggestion not taken as dismissed (for editors that cannot tell, acceptance stays unknown).
      initializationOptions: { completionTraces: true, statusMessages: true, completionAccepts: true, settings },
      synchronize: { configurationSection: 'router' },
      initializationFailedHandler: (error) => {
        serverLog.error(`initialize failed: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      },
      middleware: {
        workspace: {
          configuration: async (params: ConfigurationParams, token, next) => {
            const answers = await next(params, token);
            if (!Array.isArray(answers)) {
              return answers;
            }
            return params.items.map((item, i) =>
              item.section === 'router' ? currentSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : answers[i]);
          },
        },
        // Turning completion off takes effect on the next keystroke, without waiting for the server.
        provideInlineCompletionItems: (document, position, context, token, next) =>
          currentSettings(document.uri).completion.enabled ? next(document, position, context, token) : null,
      },
    };

    const client = new LanguageClient(clientId, 'Router.Lsp', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (this.client !== client) {
        return;
      }
      const phase = e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped';
      status.update((s) => ({ ...s, phase }));
    });
    client.onNotification(ServerNotification.status, (params: StatusParams) => this.onStatus(params));
    client.onNotification(ServerNotification.answer, (params: AnswerParams) => this.onAnswer(params));
    client.onNotification(ServerNotification.completionTrace, (trace: CompletionTraceParams) => {
      this.sinks.routingLog.info(traceLine(trace));
      status.update((s) => applyTrace(s, trace));
    });

    try {
      await client.start();
    } catch (error) {
      status.update((s) => ({ ...s, phase: 'failed' }));
      this.showStartFailure(`Router: the server (${describe(server)}) did not start: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    status.update((s) => ({ ...s, phase: 'running', serverVersion: server.version }));
    return true;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) {
      try {
        await client.stop(5000);
      } catch (error) {
        this.sinks.serverLog.warn(`stopping the server: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.sinks.status.update((s) => ({ ...s, phase: 'stopped' }));
  }

  /** workspace/executeCommand with one argument object; undefined args sends none. */
  async execute(command: string, args?: object): Promise<unknown> {
    const client = this.client;
    if (!client || client.state !== State.Running) {
      throw new Error('the Router server is not running (Router: Restart Server)');
    }
    try {
      return await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args === undefined ? [] : [args] });
    } catch (error) {
      throw new Error(commandErrorMessage(error, command, this.discovery?.server?.version ?? null));
    }
  }

  private onStatus(params: StatusParams): void {
    this.sinks.status.update((s) => applyStatus(s, params));
    const toShow = messageToShow(this.lastMessage, params);
    this.lastMessage = params.message ?? null;
    if (toShow) {
      this.sinks.routingLog.warn(toShow.text);
      const show = toShow.severity === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
      void show(`Router: ${toShow.text}`, 'Run Doctor').then((choice) => {
        if (choice) {
          void vscode.commands.executeCommand('router.runDoctor');
        }
      });
    }
  }

  private onAnswer(params: AnswerParams): void {
    if (params.done) {
      this.sinks.routingLog.info(answerLine(params));
    }
    this.sinks.answers.apply(params).catch((error: unknown) => this.sinks.serverLog.error(`showing an answer: ${String(error)}`));
  }

  private showStartFailure(message: string): void {
    this.sinks.serverLog.error(message);
    void vscode.window.showErrorMessage(message, 'Open Settings', 'Show Log').then((choice) => {
      if (choice === 'Open Settings') {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'router.server.path');
      } else if (choice === 'Show Log') {
        this.sinks.serverLog.show();
      }
    });
  }
}
