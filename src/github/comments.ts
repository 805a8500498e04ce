/**
 * Create or update the pull-request comment that carries nuage's marker, through the GitHub REST API
 * (issue comments endpoints; pagination via Link headers). Edge: network.
 */
import { NuageError } from '../errors.js';
import { fitCommentBody } from '../plan/render/comment-limit.js';

export class GitHubError extends NuageError {
  override name = 'GitHubError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface GitHubTarget {
  /** API base, e.g. https://api.github.com or https://ghe.example.com/api/v3 (GITHUB_API_URL). */
  readonly apiUrl: string;
  readonly token: string;
  /** owner/name */
  readonly repo: string;
  readonly pr: number;
  readonly fetch?: typeof fetch;
}

export interface UpsertResult {
  readonly action: 'created' | 'updated';
  readonly id: number;
  readonly url: string;
}

interface IssueComment {
  id: number;
  body?: string;
  html_url?: string;
}

const MARKER_RE = /<!-- nuage-cost-diff(?::[^>]*?)? -->/;

/** The marker a comment body carries (the first one), or undefined. */
export function markerOf(body: string): string | undefined {
  return MARKER_RE.exec(body)?.[0];
}

/** `<https://…?page=2>; rel="next", <…>; rel="last"` → the next page URL. */
export function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1];
  }
  return undefined;
}

async function call(t: GitHubTarget, method: string, url: string, body?: unknown): Promise<Response> {
  const f = t.fetch ?? fetch;
  let res: Response;
  try {
    res = await f(url, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${t.token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'nuage',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (err) {
    throw new GitHubError(`GitHub API unreachable at ${url}: ${(err as Error).message}`);
  }
  if (res.ok) return res;
  const text = await res.text().catch(() => '');
  const detail = errorDetail(text);
  const what = `${method} ${url.replace(t.apiUrl, '')}`;
  // Rate limits answer 429, or 403 with a "rate limit" message (secondary limits) or no requests left:
  // not a permission problem, so say when to retry rather than which permission is missing.
  if (res.status === 429 || (res.status === 403 && (/rate limit/i.test(detail) || res.headers.get('x-ratelimit-remaining') === '0'))) {
    throw new GitHubError(`GitHub rate limit reached (${res.status}) on ${what}: ${detail}${retryAfter(res)}`, res.status);
  }
  if (res.status === 401) throw new GitHubError(`GitHub rejected the token (401) on ${what}: ${detail}. Check GITHUB_TOKEN.`, 401);
  if (res.status === 403) {
    throw new GitHubError(`GitHub refused ${what} (403): ${detail}. The token needs "pull-requests: write" (or "issues: write") permission on ${t.repo}.`, 403);
  }
  if (res.status === 404) throw new GitHubError(`GitHub found no ${t.repo} pull request #${t.pr} (404 on ${what}), or the token cannot see the repository.`, 404);
  throw new GitHubError(`GitHub answered ${res.status} to ${what}: ${detail}`, res.status);
}

/** " Retry after 60 s." (retry-after) or " Retry after <UTC time>." (x-ratelimit-reset), else "". */
function retryAfter(res: Response): string {
  const after = res.headers.get('retry-after');
  if (after && /^\d+$/.test(after)) return ` Retry after ${after} s.`;
  const reset = res.headers.get('x-ratelimit-reset');
  if (reset && /^\d+$/.test(reset)) return ` Retry after ${new Date(Number(reset) * 1000).toISOString().replace(/\.000Z$/, 'Z')}.`;
  return '';
}

/** At most this many characters of an answer are quoted in a message (a proxy's HTML page can be long). */
const QUOTE_MAX = 200;
const quote = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_MAX ? `${flat.slice(0, QUOTE_MAX)}…` : flat;
};

/** GitHub's `message`, with the `errors[].message` of a 422 ("Validation Failed (body: …)"); else the text quoted. */
function errorDetail(text: string): string {
  try {
    const j = JSON.parse(text) as { message?: unknown; errors?: unknown };
    if (typeof j.message !== 'string') return quote(text);
    const errors = Array.isArray(j.errors)
      ? j.errors.map((e: { field?: unknown; message?: unknown; code?: unknown }) => `${typeof e.field === 'string' ? `${e.field}: ` : ''}${typeof e.message === 'string' ? e.message : String(e.code ?? '')}`)
      : [];
    return `${j.message}${errors.length > 0 ? ` (${errors.join('; ')})` : ''}`;
  } catch {
    return quote(text);
  }
}

/** The JSON of a successful answer; anything else (a proxy's or captive portal's page) is a GitHubError. */
async function jsonOf<T>(res: Response, t: GitHubTarget, method: string, url: string): Promise<T> {
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new GitHubError(`GitHub answered ${method} ${url.replace(t.apiUrl, '')} with something other than JSON: ${quote(text)} (is GITHUB_API_URL the API base, e.g. https://api.github.com?)`, res.status);
  }
}

/** Every comment of the pull request, following pagination. */
export async function listComments(t: GitHubTarget): Promise<IssueComment[]> {
  const out: IssueComment[] = [];
  let url: string | undefined = `${t.apiUrl}/repos/${t.repo}/issues/${t.pr}/comments?per_page=100`;
  for (let page = 0; url && page < 100; page++) {
    const res: Response = await call(t, 'GET', url);
    const items = await jsonOf<unknown>(res, t, 'GET', url);
    if (!Array.isArray(items)) throw new GitHubError(`GitHub answered GET ${url.replace(t.apiUrl, '')} with ${quote(JSON.stringify(items))}, not a list of comments`, res.status);
    out.push(...(items as IssueComment[]));
    url = nextLink(res.headers.get('link'));
  }
  return out;
}

/**
 * Updates the comment carrying the body's marker, or creates it. A body over GitHub's 65,536 characters is
 * cut with a note (fitCommentBody) rather than refused by GitHub with a 422.
 */
export async function upsertComment(t: GitHubTarget, fullBody: string): Promise<UpsertResult> {
  const body = fitCommentBody(fullBody);
  if (!/^[\w.-]+\/[\w.-]+$/.test(t.repo)) throw new GitHubError(`--repo expects owner/name, got "${t.repo}"`);
  const marker = markerOf(body);
  if (!marker) throw new GitHubError('the comment has no <!-- nuage-cost-diff --> marker: render it with `nuage diff --format github-comment`');
  const existing = (await listComments(t)).find((c) => c.body !== undefined && markerOf(c.body) === marker);
  if (existing) {
    const res = await call(t, 'PATCH', `${t.apiUrl}/repos/${t.repo}/issues/comments/${existing.id}`, { body });
    const c = await jsonOf<IssueComment>(res, t, 'PATCH', `${t.apiUrl}/repos/${t.repo}/issues/comments/${existing.id}`);
    return { action: 'updated', id: c.id, url: c.html_url ?? '' };
  }
  const res = await call(t, 'POST', `${t.apiUrl}/repos/${t.repo}/issues/${t.pr}/comments`, { body });
  const c = await jsonOf<IssueComment>(res, t, 'POST', `${t.apiUrl}/repos/${t.repo}/issues/${t.pr}/comments`);
  return { action: 'created', id: c.id, url: c.html_url ?? '' };
}
