// The status bar item: rendered from StatusState by the pure functions in core/status.
import * as vscode from 'vscode';
import { type StatusState, initialStatus, statusBackground, statusText, statusTooltip } from './core/status';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('router.status', vscode.StatusBarAlignment.Right, 100);
  private current: StatusState = initialStatus;

  constructor() {
    this.item.name = 'Router.Lsp';
    this.item.command = 'router.showRoutingLog';
    this.render();
    this.item.show();
  }

  get state(): StatusState {
    return this.current;
  }

  update(change: (state: StatusState) => StatusState): void {
    this.current = change(this.current);
    this.render();
  }

  private render(): void {
    this.item.text = statusText(this.current);
    const tooltip = new vscode.MarkdownString(statusTooltip(this.current), true);
    this.item.tooltip = tooltip;
    const background = statusBackground(this.current);
    this.item.backgroundColor = background ? new vscode.ThemeColor(`statusBarItem.${background}Background`) : undefined;
    this.item.accessibilityInformation = { label: this.item.text.replace(/\$\([^)]*\)\s*/g, '') };
  }

  dispose(): void {
    this.item.dispose();
  }
}
