// The "router" settings section as the server receives it (workspace/configuration), and which
// setting changes need the server process restarted rather than a didChangeConfiguration.
import * as path from 'node:path';

/** The LanguageClient's id. It is also the settings and commands namespace: vscode-languageclient reads the
 * trace level from `router.trace.server`, which package.json declares beside the other `router.*` settings. */
export const clientId = 'router';

/** Reads one setting below "router", e.g. get('privacy.localOnly'); undefined when unset. */
export type SettingReader = (key: string) => unknown;

/** Per-request-kind model overrides; a missing kind is routed by the policy. */
export interface ModelOverrides {
  completion?: string;
  explain?: string;
  refactor?: string;
  chat?: string;
}

/** What the server reads from the "router" configuration section. */
export interface ServerSettings {
  /** Absolute path of router.yaml, or null for the workspace's router.yaml / built-in default. */
  configFile: string | null;
  privacy: { localOnly: boolean };
  completion: { enabled: boolean };
  models: ModelOverrides;
  budget: { dailyUsd: number | null };
}

const modelKinds = ['completion', 'explain', 'refactor', 'chat'] as const;

/** Maps the user's settings to the server's view: blanks dropped, paths absolute, wrong types ignored. */
export function serverSettings(get: SettingReader, workspaceFolder: string | undefined): ServerSettings {
  const models: ModelOverrides = {};
  for (const kind of modelKinds) {
    const model = text(get(`models.${kind}`));
    if (model) {
      models[kind] = model;
    }
  }
  const budget = get('budget.dailyUsd');
  return {
    configFile: resolvePath(text(get('configFile')), workspaceFolder),
    privacy: { localOnly: get('privacy.localOnly') === true },
    completion: { enabled: get('completion.enabled') !== false },
    models,
    budget: { dailyUsd: typeof budget === 'number' && Number.isFinite(budget) && budget >= 0 ? budget : null },
  };
}

/** Expands ~ and ${workspaceFolder} and makes a relative path absolute against the workspace folder. */
export function resolvePath(value: string | undefined, workspaceFolder: string | undefined, home = process.env['HOME'] ?? process.env['USERPROFILE']): string | null {
  if (!value) {
    return null;
  }
  let expanded = value;
  if (workspaceFolder) {
    expanded = expanded.split('${workspaceFolder}').join(workspaceFolder);
  }
  if (home && (expanded === '~' || expanded.startsWith('~/') || expanded.startsWith('~\\'))) {
    expanded = path.join(home, expanded.slice(1));
  }
  if (path.isAbsolute(expanded) || !workspaceFolder) {
    return expanded;
  }
  return path.join(workspaceFolder, expanded);
}

/** Settings read only when the server process starts: changing one of them needs a restart. */
export const restartSettings = ['router.server.path', 'router.configFile'] as const;

/** Whether a settings change needs the server restarted; everything else applies live. */
export function needsRestart(affects: (section: string) => boolean): boolean {
  return restartSettings.some((section) => affects(section));
}

/** Arguments of the language server process (vscode-languageclient appends --stdio). */
export function serverArgs(settings: ServerSettings): string[] {
  return settings.configFile ? ['lsp', '--config', settings.configFile] : ['lsp'];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
