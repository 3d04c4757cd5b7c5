// "Router: Create router.yaml" runs `router init` in the server the extension found: the same code
// as the command line, which probes the Ollama hosts and never overwrites a file without --force.
// No vscode import: the tests run it against the real server.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { ServerCandidate } from './serverDiscovery';

export interface InitOutcome {
  /** Whether `router init` wrote the file (exit code 0). */
  written: boolean;
  exitCode: number | null;
  /** Its standard error: why nothing was written, when it was not. */
  stderr: string;
}

/** The command line of `router init --out <file>` for a found server (a `dotnet` one keeps its dll first). */
export function initCommandLine(server: ServerCandidate, out: string): { command: string; args: string[] } {
  return { command: server.command, args: [...server.args, 'init', '--out', out] };
}

/** Runs `router init`, passing each line it prints to `onLine` as it comes. */
export function runInit(
  server: ServerCandidate,
  out: string,
  env: NodeJS.ProcessEnv,
  onLine: (line: string, stream: 'stdout' | 'stderr') => void,
): Promise<InitOutcome> {
  const { command, args } = initCommandLine(server, out);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: path.dirname(out), env, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const pending = { stdout: '', stderr: '' };
    const forward = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (stream === 'stderr') {
        stderr += text;
      }
      const lines = (pending[stream] + text).split(/\r?\n/);
      pending[stream] = lines.pop() ?? '';
      lines.forEach((line) => onLine(line, stream));
    };
    child.stdout.on('data', forward('stdout'));
    child.stderr.on('data', forward('stderr'));
    child.on('error', (error) => resolve({ written: false, exitCode: null, stderr: `router init could not start: ${error.message}` }));
    child.on('close', (code) => {
      for (const stream of ['stdout', 'stderr'] as const) {
        if (pending[stream] !== '') {
          onLine(pending[stream], stream);
        }
      }
      resolve({ written: code === 0, exitCode: code, stderr });
    });
  });
}

/** The message shown when nothing was written: init's own reason, without its "router init: " prefix. */
export function initFailureMessage(outcome: InitOutcome): string {
  const reason = outcome.stderr.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').pop();
  if (!reason) {
    return `router init ended with exit code ${outcome.exitCode ?? 'none'} and wrote nothing`;
  }
  return reason.replace(/^router init:\s*/, '');
}

/** What decides whether a workspace is offered "Create router.yaml" when the extension starts. */
export interface OfferInputs {
  /** The first workspace folder on disk; undefined for none or a remote one. */
  folder: string | undefined;
  /** router.configFile is set: the user chose a configuration elsewhere. */
  configFileSet: boolean;
  routerYamlExists: boolean;
  /** The offer was shown in this workspace before (it is made once). */
  offeredBefore: boolean;
}

export function shouldOfferConfig(inputs: OfferInputs): boolean {
  return inputs.folder !== undefined && !inputs.configFileSet && !inputs.routerYamlExists && !inputs.offeredBefore;
}
