// "Refactor with AI…": the free-instruction refactor in the lightbulb. A language server cannot ask for text, so the
// extension offers this one itself; it runs Refactor Selection…, which asks for the instruction and calls router.refactor.
import * as vscode from 'vscode';

export const refactorActionTitle = 'Refactor with AI…';

export class RefactorActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.RefactorRewrite];

  provideCodeActions(_document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    if (range.isEmpty) {
      return [];
    }
    const action = new vscode.CodeAction(refactorActionTitle, vscode.CodeActionKind.RefactorRewrite);
    action.command = { command: 'router.refactorSelection', title: refactorActionTitle };
    return [action];
  }
}
