/** `nuage comment github` end to end against a loopback GitHub: create, then update in place; pagination; 403/404. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubError, markerOf, nextLink, upsertComment } from '../../src/github/comments.js';
import { runCli } from '../support/cli.js';
import { startGitHubLoopback, type GitHubLoopback } from './github-loopback.js';

let gh: GitHubLoopback | undefined;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nuage-gh-'));
});
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

const env = (token = 'secret') => ({ GITHUB_TOKEN: token, GITHUB_API_URL: gh!.url });

describe('nuage comment github', () => {
  it('creates the comment, then updates it in place (found across pages)', async () => {
    gh = await startGitHubLoopback({ pageSize: 2 });
    gh!.comments.set('acme/infra#42', [
      { id: 1, body: 'LGTM', user: { login: 'alice' } },
      { id: 2, body: 'Please check the NAT gateway', user: { login: 'bob' } },
      { id: 3, body: '<!-- nuage-cost-diff:other -->\nanother project', user: { login: 'nuage-bot' } },
    ]);
    await writeFile(join(dir, 'comment.md'), '<!-- nuage-cost-diff -->\n## Monthly cost will increase by €412.00 (+18 %)\n');
    const first = await runCli(['comment', 'github', '--repo', 'acme/infra', '--pr', '42', '--file', 'comment.md'], { env: env(), cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^created comment 1000 https:\/\/github\.example\/acme\/infra\/pull\/42#issuecomment-1000\n$/);
    expect(gh!.comments.get('acme/infra#42')).toHaveLength(4);

    // More comments arrive, pushing ours onto a later page.
    gh!.comments.get('acme/infra#42')!.push({ id: 5, body: 'ship it', user: { login: 'carol' } });
    await writeFile(join(dir, 'comment.md'), '<!-- nuage-cost-diff -->\n## Monthly cost will decrease by €12.00 (-1 %)\n');
    const second = await runCli(['comment', 'github', '--repo', 'acme/infra', '--pr', '42', '--file', 'comment.md'], { env: env(), cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^updated comment 1000 /);
    const all = gh!.comments.get('acme/infra#42')!;
    expect(all).toHaveLength(5);
    expect(all.find((c) => c.id === 1000)?.body).toContain('decrease by €12.00');
    expect(all.find((c) => c.id === 3)?.body).toContain('another project'); // other project's comment untouched
    const gets = gh!.requests.filter((r) => r.method === 'GET').map((r) => r.path);
    expect(gets.slice(-3)).toEqual([
      '/repos/acme/infra/issues/42/comments?per_page=100',
      '/repos/acme/infra/issues/42/comments?per_page=2&page=2',
      '/repos/acme/infra/issues/42/comments?per_page=2&page=3',
    ]);
    expect(gh!.requests.every((r) => r.auth === 'Bearer secret')).toBe(true);
  });

  it('adds the marker to a body that lacks one', async () => {
    gh = await startGitHubLoopback();
    gh!.comments.set('acme/infra#7', []);
    await writeFile(join(dir, 'c.md'), 'plain body\n');
    const r = await runCli(['comment', 'github', '--repo', 'acme/infra', '--pr', '7', '--file', 'c.md'], { env: env(), cwd: dir });
    expect(r.code).toBe(0);
    expect(gh!.comments.get('acme/infra#7')![0]!.body).toBe('<!-- nuage-cost-diff -->\nplain body\n');
  });

  it('explains 403 (read-only token), 404 (unknown PR) and a missing token; exit 1', async () => {
    gh = await startGitHubLoopback({ readOnlyToken: 'ro' });
    gh!.comments.set('acme/infra#42', []);
    await writeFile(join(dir, 'c.md'), '<!-- nuage-cost-diff -->\nx\n');
    const forbidden = await runCli(['comment', 'github', '--repo', 'acme/infra', '--pr', '42', '--file', 'c.md'], { env: env('ro'), cwd: dir });
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toMatch(/GitHub refused POST \/repos\/acme\/infra\/issues\/42\/comments \(403\): Resource not accessible by integration\. The token needs "pull-requests: write"/);
    const missing = await runCli(['comment', 'github', '--repo', 'acme/infra', '--pr', '9', '--file', 'c.md'], { env: env(), cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/GitHub found no acme\/infra pull request #9 \(404/);
    const noToken = await runCli(['comment', 'github', '--repo', 'acme/infra', '--pr', '42', '--file', 'c.md'], { env: { GITHUB_API_URL: gh!.url }, cwd: dir });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toMatch(/GITHUB_TOKEN is not set/);
  });

  it('helpers: Link parsing, marker detection, repo validation', async () => {
    expect(nextLink('<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"')).toBe('https://api.github.com/x?page=2');
    expect(nextLink('<https://api.github.com/x?page=1>; rel="prev"')).toBeUndefined();
    expect(nextLink(null)).toBeUndefined();
    expect(markerOf('a\n<!-- nuage-cost-diff:web -->\nb')).toBe('<!-- nuage-cost-diff:web -->');
    expect(markerOf('no marker')).toBeUndefined();
    await expect(upsertComment({ apiUrl: 'http://127.0.0.1:9', token: 't', repo: 'not a repo', pr: 1 }, '<!-- nuage-cost-diff -->')).rejects.toThrow(GitHubError);
  });
});
