import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { dec, formatMoney, toNumber } from '../src/money/index.js';
import { openStore } from '../src/store/db.js';

describe('skeleton', () => {
  it('prints help and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: nuage');
  });
  it('fails with exit 1 on an unknown command', async () => {
    const r = await runCli(['no-such-command']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown command|too many arguments/);
  });
  it('computes the worked example exactly: 2 × 0.224 × 720 = 322.56', () => {
    const monthly = dec('0.224').times(2).times(720);
    expect(monthly.toString()).toBe('322.56');
    expect(toNumber(monthly)).toBe(322.56);
    expect(formatMoney(monthly, 'EUR')).toBe('€322.56');
  });
  it('opens an in-memory store', () => {
    const s = openStore(':memory:');
    expect(s.sqlite.prepare('select 1 as x').get()).toEqual({ x: 1 });
    s.close();
  });
});
