// The CLI's frame: help, version, unknown commands and exit codes.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/index';
import type { CliIo } from '../../../src/cli/io';
import { APP_VERSION } from '../../../src/core/version';

function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '', err: '',
    stdout: (t: string) => { io.out += t; },
    stderr: (t: string) => { io.err += t; },
    readStdin: async () => '',
    readFile: async () => new Uint8Array(),
    writeFile: async () => undefined,
    today: () => '2026-01-01',
  };
  return io;
}

describe('subtier CLI', () => {
  it('prints its version', async () => {
    const io = captureIo();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.out.trim()).toBe(APP_VERSION);
  });
  it('prints help listing its commands', async () => {
    const io = captureIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.out).toMatch(/Usage: subtier <command>/);
    expect(io.out).toMatch(/never uses the network/);
  });
  it('refuses an unknown command with exit code 2', async () => {
    const io = captureIo();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.err).toMatch(/unknown command 'frobnicate'/);
  });
});
