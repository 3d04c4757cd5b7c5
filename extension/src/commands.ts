// The extension's commands: thin adapters from the editor's selection to the server commands.
import * as vscode from 'vscode';
import type { AnswerView } from './answerView';
import type { ApiKeys } from './apiKeys';
import { answerFromResult, answerIdFromResult, usageReportHtml } from './core/answers';
import { configurationText, isConfigShowResult } from './core/configuration';
import { decisionItems, decisionsMarkdown, isDecisionList } from './core/decisions';
import { type AskArgs, ServerCommand, type WireRange } from './core/protocol';
import { refactorChoices, refactorOutcome, validateInstruction } from './core/refactorChoices';
import { validateVariableName, wellKnownKeyVariables } from './core/secrets';
import { describe } from './core/serverDiscovery';
import { createConfig } from './createConfig';
import type { RouterSession } from './routerSession';

export interface CommandContext {
  session: () => RouterSession;
  restart: () => Promise<void>;
  answers: AnswerView;
  apiKeys: ApiKeys;
  routingLog: vscode.LogOutputChannel;
  serverLog: vscode.LogOutputChannel;
  extensionPath: string;
  configuration: vscode.OutputChannel;
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const register = (id: string, run: () => Promise<void>) =>
    vscode.commands.registerCommand(id, async () => {
      try {
        await run();
      } catch (error) {
        void vscode.window.showErrorMessage(`Router: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  return [
    register('router.explainSelection', () => explainSelection(ctx)),
    register('router.refactorSelection', () => refactorSelection(ctx)),
    register('router.askQuestion', () => ask(ctx)),
    register('router.showRoutingLog', async () => ctx.routingLog.show(true)),
    register('router.showWhyThisModel', () => whyThisModel(ctx)),
    register('router.toggleLocalOnly', toggleLocalOnly),
    register('router.createConfig', () => createConfig(ctx)),
    register('router.restartServer', ctx.restart),
    register('router.runDoctor', () => runDoctor(ctx)),
    register('router.showConfiguration', () => showConfiguration(ctx)),
    register('router.showUsage', () => showUsage(ctx)),
    register('router.setApiKey', () => setApiKey(ctx)),
    register('router.clearApiKey', () => clearApiKey(ctx)),
  ];
}

/** The selection, or the cursor's line when nothing is selected; wire form for the server. */
function selectionArgs(ctx: CommandContext): { uri: string; range: WireRange } {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    throw new Error('open a file and select some code first');
  }
  const client = ctx.session().languageClient;
  if (!client) {
    throw new Error('the Router server is not running (Router: Restart Server)');
  }
  const selection = editor.selection.isEmpty ? editor.document.lineAt(editor.selection.active.line).range : editor.selection;
  return { uri: client.code2ProtocolConverter.asUri(editor.document.uri), range: client.code2ProtocolConverter.asRange(selection) };
}

/** Runs a streaming server command; a server that answers in one piece is shown the same way.
 * Progress comes from the server ($/progress on a token it creates: "Explaining with <model>", with Cancel),
 * so the extension shows none of its own. */
async function runAnswerCommand(ctx: CommandContext, title: string, kind: string, command: string, args: object): Promise<void> {
  const result = await ctx.session().execute(command, args);
  const id = answerIdFromResult(result) ?? `${kind}-${Date.now()}`;
  if (ctx.answers.hasAnswer(id)) {
    return;
  }
  const whole = answerFromResult(result, { id, title, kind });
  if (whole) {
    await ctx.answers.apply(whole);
  }
}

async function explainSelection(ctx: CommandContext): Promise<void> {
  const { uri, range } = selectionArgs(ctx);
  await runAnswerCommand(ctx, 'Explanation', 'explain', ServerCommand.explain, { uri, range });
}

async function refactorSelection(ctx: CommandContext): Promise<void> {
  const { uri, range } = selectionArgs(ctx);
  const choice = await vscode.window.showQuickPick(refactorChoices.map((c) => ({ ...c })), { title: 'Refactor selection', placeHolder: 'What should change?' });
  if (!choice) {
    return;
  }
  const instruction = choice.instruction ?? await vscode.window.showInputBox({
    title: 'Refactor selection',
    prompt: 'Instruction for the model',
    placeHolder: 'e.g. use async/await, rename x to count',
    validateInput: validateInstruction,
  });
  if (!instruction) {
    return;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Router: ${instruction}…`, cancellable: false },
    () => ctx.session().execute(ServerCommand.refactor, { uri, range, instruction }),
  );
  const outcome = refactorOutcome(result);
  const client = ctx.session().languageClient;
  if (outcome.edit && client) {
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(outcome.edit);
    const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
    if (!applied) {
      throw new Error('the refactor could not be applied (the file changed meanwhile?)');
    }
  }
  if (outcome.message) {
    void vscode.window.showInformationMessage(`Router: ${outcome.message}`);
  }
}

async function ask(ctx: CommandContext): Promise<void> {
  const prompt = await vscode.window.showInputBox({ title: 'Ask Router', prompt: 'Question (the selection, if any, is sent along)', ignoreFocusOut: true });
  if (!prompt) {
    return;
  }
  const editor = vscode.window.activeTextEditor;
  const client = ctx.session().languageClient;
  const args: AskArgs = { prompt };
  if (editor && client && !editor.selection.isEmpty) {
    args.uri = client.code2ProtocolConverter.asUri(editor.document.uri);
    args.range = client.code2ProtocolConverter.asRange(editor.selection);
  }
  await runAnswerCommand(ctx, prompt.length > 50 ? `${prompt.slice(0, 50)}…` : prompt, 'chat', ServerCommand.ask, args);
}

async function whyThisModel(ctx: CommandContext): Promise<void> {
  const result = await ctx.session().execute(ServerCommand.whyThisModel);
  if (!isDecisionList(result)) {
    throw new Error('the server answered router.whyThisModel in an unexpected shape');
  }
  if (result.decisions.length === 0) {
    void vscode.window.showInformationMessage('Router: no request has been routed yet.');
    return;
  }
  const all = { label: '$(book) Show all as a document', description: '', detail: '', id: '' };
  const picked = await vscode.window.showQuickPick([all, ...decisionItems(result.decisions)], { title: 'Why this model? (newest first)', matchOnDetail: true });
  if (!picked) {
    return;
  }
  const chosen = picked.id === '' ? result.decisions : result.decisions.filter((d) => d.id === picked.id);
  await ctx.answers.showPage('Why this model', decisionsMarkdown(chosen));
}

async function toggleLocalOnly(): Promise<void> {
  const config = vscode.workspace.getConfiguration('router');
  const inspected = config.inspect<boolean>('privacy.localOnly');
  // Flip it where it is set, so a workspace value is not shadowed by a user one.
  const target = inspected?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
    : inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  const next = !config.get<boolean>('privacy.localOnly', false);
  await config.update('privacy.localOnly', next, target);
  void vscode.window.showInformationMessage(next ? 'Router: local only — no code leaves this machine.' : 'Router: cloud endpoints allowed again (private code still stays local).');
}

/** The usage report the server renders from the ledger (the page `router report --html` writes), in a webview. */
async function showUsage(ctx: CommandContext): Promise<void> {
  const session = ctx.session();
  if (!session.running) {
    throw new Error('the Router server is not running (Router: Restart Server); `router report --html FILE` gives the same page');
  }
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Router: reading the usage ledger…' }, () =>
    session.execute(ServerCommand.usageReport, { days: 7 }),
  );
  const html = usageReportHtml(result);
  if (html === null) {
    throw new Error('the server answered router.usageReport in an unexpected shape');
  }
  // No scripts: the page is inline SVG and CSS, and its own Content-Security-Policy allows nothing else.
  const panel = vscode.window.createWebviewPanel('routerUsage', 'Router Usage', vscode.ViewColumn.Active, { enableScripts: false });
  panel.webview.html = html;
}

async function runDoctor(ctx: CommandContext): Promise<void> {
  const session = ctx.session();
  if (!session.running) {
    // Without a server, the doctor's best report is how the server was looked for.
    const lines = ['# Router doctor', '', 'The server is not running.', '', '## Server discovery', ''];
    for (const a of session.discovery?.attempts ?? []) {
      lines.push(`- ${describe(a.candidate)}: ${a.result.ok ? `ok, version ${a.result.version}` : a.result.error}`);
    }
    if ((session.discovery?.attempts.length ?? 0) === 0) {
      lines.push('- no candidate found: no bundled server, no `router` on PATH, no build in the workspace.');
    }
    lines.push('', 'Set `router.server.path` or install `router`, then run **Router: Restart Server**.');
    await ctx.answers.showPage('Router doctor', lines.join('\n'));
    return;
  }
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Router: running doctor…' }, () => session.execute(ServerCommand.doctor));
  const text = typeof result === 'object' && result !== null && typeof (result as { text?: unknown }).text === 'string' ? (result as { text: string }).text : null;
  if (text === null) {
    throw new Error('the server answered router.doctor in an unexpected shape');
  }
  await ctx.answers.showPage('Router doctor', text);
}

/** The configuration the running server routes with (router.yaml, defaults and these settings), each value with its origin. */
async function showConfiguration(ctx: CommandContext): Promise<void> {
  const result = await ctx.session().execute(ServerCommand.configShow);
  if (!isConfigShowResult(result)) {
    throw new Error('the server answered router.configShow in an unexpected shape (an older server?)');
  }
  ctx.configuration.clear();
  ctx.configuration.append(configurationText(result));
  ctx.configuration.show(true);
}

async function setApiKey(ctx: CommandContext): Promise<void> {
  const other = '$(edit) Other variable…';
  const stored = new Set(ctx.apiKeys.names());
  const picked = await vscode.window.showQuickPick(
    [...wellKnownKeyVariables.map((v) => ({ label: v, description: stored.has(v) ? 'set' : '' })), { label: other, description: '' }],
    { title: 'Set API key: the environment variable router.yaml names in apiKeyEnv' },
  );
  if (!picked) {
    return;
  }
  const variable = picked.label === other
    ? (await vscode.window.showInputBox({ title: 'Environment variable name', placeHolder: 'MY_PROVIDER_API_KEY', validateInput: validateVariableName }))?.trim()
    : picked.label;
  if (!variable) {
    return;
  }
  const value = await vscode.window.showInputBox({ title: `Value of ${variable}`, password: true, ignoreFocusOut: true, prompt: 'Kept in VS Code secret storage; given to the server process only.' });
  if (!value) {
    return;
  }
  await ctx.apiKeys.set(variable, value);
  await restartForKeys(ctx, `${variable} stored`);
}

async function clearApiKey(ctx: CommandContext): Promise<void> {
  const names = ctx.apiKeys.names();
  if (names.length === 0) {
    void vscode.window.showInformationMessage('Router: no API key is stored.');
    return;
  }
  const variable = await vscode.window.showQuickPick(names, { title: 'Clear API key' });
  if (!variable) {
    return;
  }
  await ctx.apiKeys.clear(variable);
  await restartForKeys(ctx, `${variable} removed`);
}

/** Keys reach the server through its environment, so a change needs a new process. */
async function restartForKeys(ctx: CommandContext, what: string): Promise<void> {
  await ctx.restart();
  void vscode.window.showInformationMessage(`Router: ${what}; the server was restarted to use it.`);
}
