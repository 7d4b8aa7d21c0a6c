import { exec, execSync, execFile, spawn } from 'child_process';
import * as cp from 'node:child_process';
import { promisify } from 'util';

const execAsync = promisify(exec);

export function thumbnail(file: string) {
  // ruleid: javascript-command-injection-string-building
  exec(`convert ${file} -resize 100x100 thumb.png`, (err) => console.error(err));
}

export function gitLog(branch: string): string {
  // ruleid: javascript-command-injection-string-building
  return execSync('git log --oneline ' + branch).toString();
}

export async function ping(host: string) {
  // ruleid: javascript-command-injection-string-building
  const { stdout } = await execAsync(`ping -c 1 ${host}`);
  return stdout;
}

export function archive(dir: string) {
  // ruleid: javascript-command-injection-string-building
  spawn(`tar czf out.tgz ${dir}`, { shell: true });
}

export function listing(dir: string) {
  // ruleid: javascript-command-injection-string-building
  cp.execSync(`ls -la ${dir}`);
}

export function thumbnailSafe(file: string) {
  // ok: javascript-command-injection-string-building
  execFile('convert', [file, '-resize', '100x100', 'thumb.png'], (err) => console.error(err));
}

export function gitLogSafe(branch: string) {
  // ok: javascript-command-injection-string-building
  return spawn('git', ['log', '--oneline', '--', branch]);
}

const GIT = 'git';
export function version() {
  // ok: javascript-command-injection-string-building
  return execSync(`${GIT} --version`).toString();
}

export function constantCommand() {
  // ok: javascript-command-injection-string-building
  exec('npm ci --ignore-scripts', (err) => console.error(err));
}
