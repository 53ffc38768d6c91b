// Service logs: readable lines on a terminal (npm start by hand), JSON lines anywhere else.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function run(command: string, args: string[]) {
  return new Promise<string>((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', () => resolve(output));
  });
}

const LOG_ONCE = ['--import', 'tsx', 'tests/fixtures/logOnce.ts'];

describe('the services logger', { timeout: 30_000 }, () => {
  it('writes JSON lines when stdout is not a terminal', async () => {
    const output = await run(process.execPath, LOG_ONCE);
    expect(JSON.parse(output.trim())).toMatchObject({
      level: 30,
      name: 'demo',
      port: 4000,
      msg: 'demo ready',
    });
  });

  it('writes readable lines on a terminal', async () => {
    // util-linux `script` gives the process a pseudo-terminal, as a shell window does.
    const output = await run('script', [
      '-qec',
      `${process.execPath} ${LOG_ONCE.join(' ')}`,
      '/dev/null',
    ]);
    // eslint-disable-next-line no-control-regex
    const plain = output.replace(/\u001b\[[0-9;]*m/g, '').replace(/\r/g, '');
    expect(plain).toMatch(/^\[\d\d:\d\d:\d\d\] INFO \(demo\): demo ready\n {4}port: 4000\n/);
    expect(plain).not.toContain('{"level"');
  });
});
