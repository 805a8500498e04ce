/**
 * A loopback HTTP server speaking the few GitHub REST endpoints `nuage comment github` uses:
 * list issue comments (paginated with Link headers), create a comment, update a comment. Answers 403 for a
 * read-only token and 404 for an unknown repository or pull request, 422 for a body over GitHub's 65,536
 * characters (as GitHub does), and any status a test forces with `answer` (401, 5xx with an HTML page…).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string };
}

export interface GitHubLoopback {
  readonly url: string;
  readonly comments: Map<string, FakeComment[]>;
  readonly requests: { method: string; path: string; auth?: string }[];
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let s = '';
    req.on('data', (c: Buffer) => (s += c.toString('utf8')));
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });

export interface ForcedAnswer {
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  /** Only requests of this method (default: every request). */
  readonly method?: string;
}

const tooLong = (body: string): boolean => [...body].length > 65536;
const VALIDATION_FAILED = {
  message: 'Validation Failed',
  errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
  documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  status: '422',
};

export async function startGitHubLoopback(opts: { pageSize?: number; readOnlyToken?: string; answer?: ForcedAnswer } = {}): Promise<GitHubLoopback> {
  const comments = new Map<string, FakeComment[]>();
  const requests: GitHubLoopback['requests'] = [];
  let nextId = 1000;
  const pageSize = opts.pageSize ?? 30;
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method ?? '', path: url.pathname + url.search, ...(req.headers.authorization ? { auth: req.headers.authorization } : {}) });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const forced = opts.answer;
    if (forced && (forced.method === undefined || forced.method === req.method)) {
      res.writeHead(forced.status, { 'content-type': forced.contentType ?? 'application/json', ...forced.headers });
      return res.end(forced.body);
    }
    if (!req.headers.authorization?.startsWith('Bearer ')) return json(401, { message: 'Requires authentication' });
    const list = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
    const one = /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
    const key = list ? `${list[1]}#${list[2]}` : undefined;
    if (list && !comments.has(key!)) return json(404, { message: 'Not Found' });
    const writing = req.method === 'POST' || req.method === 'PATCH';
    if (writing && req.headers.authorization === `Bearer ${opts.readOnlyToken}`) return json(403, { message: 'Resource not accessible by integration' });
    if (list && req.method === 'GET') {
      const all = comments.get(key!)!;
      const page = Number(url.searchParams.get('page') ?? '1');
      const size = Math.min(Number(url.searchParams.get('per_page') ?? '30'), pageSize);
      const items = all.slice((page - 1) * size, page * size);
      const last = Math.max(1, Math.ceil(all.length / size));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${url.pathname}?per_page=${size}`;
      const link: Record<string, string> = page < last ? { link: `<${base}&page=${page + 1}>; rel="next", <${base}&page=${last}>; rel="last"` } : {};
      return json(200, items, link);
    }
    if (list && req.method === 'POST') {
      const { body } = JSON.parse(await readBody(req)) as { body: string };
      if (tooLong(body)) return json(422, VALIDATION_FAILED);
      const c = { id: nextId++, body, user: { login: 'nuage-bot' } };
      comments.get(key!)!.push(c);
      return json(201, { ...c, html_url: `https://github.example/${list[1]}/pull/${list[2]}#issuecomment-${c.id}` });
    }
    if (one && req.method === 'PATCH') {
      const id = Number(one[2]);
      for (const [k, cs] of comments) {
        const c = cs.find((x) => x.id === id);
        if (c && k.startsWith(`${one[1]}#`)) {
          const { body } = JSON.parse(await readBody(req)) as { body: string };
          if (tooLong(body)) return json(422, VALIDATION_FAILED);
          c.body = body;
          return json(200, { ...c, html_url: `https://github.example/${one[1]}/pull/x#issuecomment-${c.id}` });
        }
      }
      return json(404, { message: 'Not Found' });
    }
    return json(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    comments,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
