// Shows streamed answers and other read-only markdown (doctor, why-this-model) as virtual
// documents (router-answer:) that refresh as chunks arrive.
import * as vscode from 'vscode';
import { AnswerBook, answerFileName } from './core/answers';
import type { AnswerParams } from './core/protocol';

export const answerScheme = 'router-answer';

export class AnswerView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly book = new AnswerBook();
  private readonly pages = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = new URLSearchParams(uri.query).get('id');
    if (id !== null && this.book.has(id)) {
      return this.book.render(id) ?? '';
    }
    return this.pages.get(uri.path) ?? '';
  }

  /** Appends one router/answer chunk; the first chunk of an answer opens it beside the code. */
  async apply(params: AnswerParams): Promise<void> {
    const update = this.book.apply(params);
    if (!update.changed) {
      return;
    }
    const uri = this.answerUri(params.id);
    if (update.created) {
      await this.open(uri);
    } else {
      this.refresh(uri, update.done);
    }
  }

  hasAnswer(id: string): boolean {
    return this.book.has(id);
  }

  /** Shows a read-only markdown page (doctor output, decisions) under a fixed name. */
  async showPage(name: string, markdown: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: answerScheme, path: `/${name}.md` });
    const known = this.pages.has(uri.path);
    this.pages.set(uri.path, markdown);
    if (known) {
      this.changed.fire(uri);
    }
    await this.open(uri);
  }

  private answerUri(id: string): vscode.Uri {
    const name = this.book.fileName(id) ?? answerFileName('Answer', id);
    return vscode.Uri.from({ scheme: answerScheme, path: `/${name}`, query: new URLSearchParams({ id }).toString() });
  }

  /** Coalesces the refreshes of a fast stream; the final chunk is shown at once. */
  private refresh(uri: vscode.Uri, now: boolean): void {
    const key = uri.toString();
    const timer = this.pending.get(key);
    if (now) {
      if (timer) {
        clearTimeout(timer);
        this.pending.delete(key);
      }
      this.changed.fire(uri);
      return;
    }
    if (!timer) {
      this.pending.set(key, setTimeout(() => {
        this.pending.delete(key);
        this.changed.fire(uri);
      }, 50));
    }
  }

  private async open(uri: vscode.Uri): Promise<void> {
    const openIn = vscode.workspace.getConfiguration('router').get<string>('answers.openIn', 'preview');
    if (openIn === 'preview') {
      try {
        await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
        return;
      } catch {
        // No markdown preview (the built-in extension disabled): the editor view below still works.
      }
    }
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
  }

  dispose(): void {
    for (const timer of this.pending.values()) {
      clearTimeout(timer);
    }
    this.changed.dispose();
  }
}
