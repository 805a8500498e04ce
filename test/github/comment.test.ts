/** `nuage comment github` end to end against a loopback GitHub: create, then update in place; pagination; 403/404. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubError, markerOf, nextLink, upsertComment } from '../../src/github/comments.js';
import { runCli } from '../support/cli.js';
import { fitCommentBody } from '../../src/plan/render/comment-limit.js';
import { startGitHubLoopback, type ForcedAnswer, type GitHubLoopback } from './github-loopback.js';

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

describe('nuage comment github: size limit and API answers (review)', () => {
  const big = (n: number) =>
    '<!-- nuage-cost-diff -->\n## Monthly cost will increase by €9.00\n\n<details><summary>Cost components</summary>\n\n' +
    Array.from({ length: n }, (_, i) => `| \`module.app.aws_instance.web["k-${i}"]\` | 730 hours | €0.1000 | - | €73.00 |`).join('\n') +
    '\n\n</details>\n\n<sub>Region: eu-west-3 · nuage</sub>\n';

  it('a body over 65,536 characters is cut with a note and still posts (was a 422 from GitHub)', async () => {
    gh = await startGitHubLoopback();
    gh!.comments.set('acme/infra#42', []);
    const body = big(5000);
    expect(body.length).toBeGreaterThan(300_000);
    await writeFile(join(dir, 'big.md'), body);
    const r = await runCli(['comment', 'github', '--repo', 'acme/infra', '--pr', '42', '--file', 'big.md'], { env: env(), cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const posted = gh!.comments.get('acme/infra#42')![0]!.body;
    expect(posted.length).toBeLessThanOrEqual(65536);
    expect(posted.startsWith('<!-- nuage-cost-diff -->\n## Monthly cost will increase by €9.00')).toBe(true);
    expect(posted).toMatch(/> \*\*Comment truncated:\*\* [\d,]+ characters left out to stay within GitHub's 65,536-character limit/);
    expect(posted.split('<details>').length).toBe(posted.split('</details>').length); // the cut block is closed
  });

  it('fitCommentBody leaves a body within the limit as is', () => {
    expect(fitCommentBody('<!-- nuage-cost-diff -->\nshort\n')).toBe('<!-- nuage-cost-diff -->\nshort\n');
    const cut = fitCommentBody('<!-- nuage-cost-diff -->\n' + 'x'.repeat(80) + '\n' + 'y'.repeat(2000) + '\n', 1500);
    expect(cut.length).toBeLessThanOrEqual(1500);
    expect(cut).toContain('x'.repeat(80));
    expect(cut).not.toContain('yyy');
  });

  const cases: [string, ForcedAnswer, RegExp][] = [
    ['401 bad token', { status: 401, body: '{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}' }, /GitHub rejected the token \(401\) on GET \/repos\/acme\/infra\/issues\/42\/comments\?per_page=100: Bad credentials\. Check GITHUB_TOKEN\./],
    ['422 on create', { status: 422, method: 'POST', body: '{"message":"Validation Failed","errors":[{"resource":"IssueComment","code":"unprocessable","field":"data","message":"Could not resolve to a node"}]}' }, /GitHub answered 422 to POST \/repos\/acme\/infra\/issues\/42\/comments: Validation Failed \(data: Could not resolve to a node\)/],
    ['502 HTML page', { status: 502, contentType: 'text/html', body: `<!DOCTYPE html><html><head><title>Unicorn!</title></head><body>${'x'.repeat(5000)}</body></html>` }, /GitHub answered 502 to GET \/repos\/acme\/infra\/issues\/42\/comments\?per_page=100: <!DOCTYPE html>.{0,200}…\n$/s],
    [
      '403 secondary rate limit',
      { status: 403, headers: { 'retry-after': '60' }, body: '{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}' },
      /GitHub rate limit reached \(403\) on GET \/repos\/acme\/infra\/issues\/42\/comments\?per_page=100: You have exceeded a secondary rate limit\. Please wait a few minutes before you try again\. Retry after 60 s\.\n$/,
    ],
    [
      '429 primary rate limit',
      { status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1798000000' }, body: '{"message":"API rate limit exceeded for installation ID 1."}' },
      /GitHub rate limit reached \(429\) on GET \/repos\/acme\/infra\/issues\/42\/comments\?per_page=100: API rate limit exceeded for installation ID 1\. Retry after 2026-12-23T04:26:40Z\.\n$/,
    ],
    ['200 not JSON', { status: 200, contentType: 'text/html', body: '<html>captive portal</html>' }, /GitHub answered GET \/repos\/acme\/infra\/issues\/42\/comments\?per_page=100 with something other than JSON: <html>captive portal<\/html>/],
  ];
  it.each(cases)('%s: a clear message naming the request, exit 1, no stack trace', async (_name, answer, message) => {
    gh = await startGitHubLoopback({ answer });
    gh!.comments.set('acme/infra#42', []);
    await writeFile(join(dir, 'c.md'), '<!-- nuage-cost-diff -->\nx\n');
    const r = await runCli(['comment', 'github', '--repo', 'acme/infra', '--pr', '42', '--file', 'c.md'], { env: env(), cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
    expect(r.stderr.length).toBeLessThan(600);
  });
});

describe('nuage comment github: many comments', () => {
  it('finds its comment on the 3rd page of 100 (250 comments) and updates it, no duplicate', async () => {
    gh = await startGitHubLoopback({ pageSize: 100 });
    const many = Array.from({ length: 250 }, (_, i) => ({ id: i + 1, body: `review comment ${i + 1}`, user: { login: 'alice' } }));
    many[237] = { id: 238, body: '<!-- nuage-cost-diff -->\nold figures', user: { login: 'nuage-bot' } };
    gh!.comments.set('acme/infra#42', many);
    await writeFile(join(dir, 'c.md'), '<!-- nuage-cost-diff -->\nnew figures\n');
    const r = await runCli(['comment', 'github', '--repo', 'acme/infra', '--pr', '42', '--file', 'c.md'], { env: env(), cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^updated comment 238 /);
    expect(gh!.comments.get('acme/infra#42')).toHaveLength(250);
    expect(gh!.comments.get('acme/infra#42')![237]!.body).toBe('<!-- nuage-cost-diff -->\nnew figures\n');
    expect(gh!.requests.filter((q) => q.method === 'GET').map((q) => q.path)).toEqual([
      '/repos/acme/infra/issues/42/comments?per_page=100',
      '/repos/acme/infra/issues/42/comments?per_page=100&page=2',
      '/repos/acme/infra/issues/42/comments?per_page=100&page=3',
    ]);
  });
});

describe('nuage comment github: --pr', () => {
  it.each(['1e2', '0x2a', '42.0', '', '-3'])('refuses --pr "%s" before any request (1e2 posted on PR 100)', async (pr) => {
    gh = await startGitHubLoopback();
    await writeFile(join(dir, 'c.md'), '<!-- nuage-cost-diff -->\nx\n');
    const r = await runCli(['comment', 'github', '--repo', 'acme/infra', '--pr', pr, '--file', 'c.md'], { env: env(), cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`nuage: --pr expects a pull request number, got "${pr}"\n`);
    expect(gh!.requests).toEqual([]);
  });
});
