// API keys in VS Code's secret storage, named after the environment variable the server reads.
import * as vscode from 'vscode';
import { parseVariableList, secretKey } from './core/secrets';

// Secret storage cannot be listed, so the variable names (not secret) are kept in global state.
const namesKey = 'router.apiKeyVariables';

export class ApiKeys {
  constructor(private readonly context: vscode.ExtensionContext) {}

  names(): string[] {
    return parseVariableList(this.context.globalState.get<string>(namesKey));
  }

  async set(variable: string, value: string): Promise<void> {
    await this.context.secrets.store(secretKey(variable), value);
    const names = new Set(this.names());
    names.add(variable);
    await this.context.globalState.update(namesKey, JSON.stringify([...names].sort()));
  }

  async clear(variable: string): Promise<void> {
    await this.context.secrets.delete(secretKey(variable));
    await this.context.globalState.update(namesKey, JSON.stringify(this.names().filter((n) => n !== variable)));
  }

  /** Every stored key by variable name, for the server's environment only. */
  async all(): Promise<Map<string, string>> {
    const keys = new Map<string, string>();
    for (const name of this.names()) {
      const value = await this.context.secrets.get(secretKey(name));
      if (value) {
        keys.set(name, value);
      }
    }
    return keys;
  }
}
