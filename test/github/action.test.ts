/**
 * The composite action (action.yml) must run this checkout's nuage with flags that exist.
 * Guards against drift between the action's shell steps and the CLI.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../support/corpora.js';
import { runCli } from '../support/cli.js';

interface Step { id?: string; run?: string; env?: Record<string, string> }
const action = parse(readFileSync(resolve(PROJECT_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
};
const scripts = action.runs.steps.map((s) => s.run ?? '').join('\n');

async function helpOf(...command: string[]): Promise<string> {
  const r = await runCli([...command, '--help']);
  expect(r.code).toBe(0);
  return r.stdout;
}

describe('action.yml', () => {
  it('runs the nuage of its own checkout, never a registry package', () => {
    expect(action.runs.using).toBe('composite');
    expect(scripts).toContain('cd "$GITHUB_ACTION_PATH"');
    expect(scripts).toMatch(/npm ci/);
    expect(scripts).not.toMatch(/npx\s/);
    expect(action.inputs['nuage-version']).toBeUndefined();
    const uses = action.runs.steps.filter((s) => /node "\$NUAGE_BIN"/.test(s.run ?? ''));
    expect(uses).toHaveLength(2);
    for (const s of uses) expect(s.env?.NUAGE_BIN).toBe('${{ steps.setup.outputs.nuage }}');
  });

  it('passes only flags that `nuage diff` and `nuage comment github` accept', async () => {
    const diffHelp = await helpOf('diff');
    const diffFlags = [...scripts.matchAll(/args(?:\+)?=\((?:diff "\$NUAGE_PLAN" )?([^)]*)\)/g)].flatMap((m) => [...(m[1] ?? '').matchAll(/(--[a-z-]+)/g)].map((f) => f[1]!));
    expect(new Set(diffFlags)).toEqual(new Set(['--format', '--currency', '--hours-per-month', '--compare-to', '--region', '--usage', '--project', '--fail-above', '--fail-above-percent']));
    for (const f of diffFlags) expect(diffHelp, f).toContain(f);
    const commentHelp = await helpOf('comment', 'github');
    for (const f of ['--repo', '--pr', '--file']) {
      expect(scripts).toContain(f);
      expect(commentHelp, f).toContain(f);
    }
  });

  it('the example workflow uses only inputs the action declares', () => {
    const wf = parse(readFileSync(resolve(PROJECT_ROOT, 'examples/github-actions/cost-diff.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }>;
    };
    const step = Object.values(wf.jobs).flatMap((j) => j.steps).find((s) => s.uses?.includes('/nuage@'));
    expect(step).toBeDefined();
    for (const key of Object.keys(step!.with ?? {})) expect(Object.keys(action.inputs), key).toContain(key);
    expect(step!.with).not.toHaveProperty('usage-file'); // read when present; naming a missing file fails the job
  });
});
