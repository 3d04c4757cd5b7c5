// Runs discovery against the real file system and asks each candidate `--version`.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { resolvePath } from './core/settings';
import { type Discovery, type ExecutableFormat, type ProbeResult, type ServerCandidate, discoverServer, executableFormat, parseVersion } from './core/serverDiscovery';

// A cold `dotnet` start on a busy machine takes seconds; a hung binary must still fail clearly.
const probeTimeoutMs = 30_000;

export async function findServer(extensionPath: string): Promise<Discovery> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const setting = vscode.workspace.getConfiguration('router').get<string>('server.path', '').trim();
  return discoverServer(
    {
      settingPath: resolvePath(setting, folders[0]),
      extensionPath,
      workspaceFolders: folders,
      platform: process.platform,
      pathVariable: process.env['PATH'],
      isFile,
      formatOf,
    },
    probe,
  );
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function formatOf(file: string): ExecutableFormat {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(4);
      const read = fs.readSync(fd, head, 0, 4, 0);
      return executableFormat(head.subarray(0, read));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return 'unknown';
  }
}

/** `<candidate> --version`: ok with the version, or why it cannot be used. */
export function probe(candidate: ServerCandidate): Promise<ProbeResult> {
  return new Promise((resolve) => {
    execFile(candidate.command, [...candidate.args, '--version'], { timeout: probeTimeoutMs, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          resolve({ ok: false, error: candidate.command === 'dotnet' ? '`dotnet` is not installed or not on PATH' : 'file not found' });
        } else if (code === 'EACCES') {
          resolve({ ok: false, error: 'not executable (chmod +x?)' });
        } else if (error.killed) {
          resolve({ ok: false, error: `no answer to --version in ${probeTimeoutMs / 1000} s` });
        } else {
          const detail = String(stderr).split(/\r?\n/).find((l) => l.trim() !== '') ?? error.message;
          resolve({ ok: false, error: `--version failed: ${detail.trim()}` });
        }
        return;
      }
      const version = parseVersion(String(stdout));
      resolve(version ? { ok: true, version } : { ok: false, error: `--version printed no version: ${String(stdout).trim().slice(0, 80)}` });
    });
  });
}
