/**
 * A loopback HTTP server that speaks the AWS wire protocols the real SDK v3 clients use:
 * - awsJson1_1 (Pricing, Cost Explorer): POST /, header X-Amz-Target "<Service>.<Operation>", JSON body;
 * - ec2Query (EC2): POST /, form-urlencoded body "Action=<Operation>&Version=…", XML response.
 * Tests register one handler per operation and point the client's `endpoint` at `url`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AwsRequest {
  /** Operation name ("GetProducts", "DescribeInstanceTypes"). */
  readonly operation: string;
  readonly protocol: 'json' | 'query';
  /** Parsed JSON body (json protocol). */
  readonly json: unknown;
  /** Form parameters (query protocol), e.g. "InstanceType.1" → "m5.large". */
  readonly params: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
}

export interface AwsResponse {
  readonly status?: number;
  /** Object → JSON (json protocol); string → sent as is (XML for query protocol). */
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

export type AwsHandler = (req: AwsRequest) => AwsResponse | Promise<AwsResponse>;

export interface AwsLoopback {
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: AwsRequest[];
  on(operation: string, handler: AwsHandler): void;
  close(): Promise<void>;
}

/** A JSON-protocol error body as AWS sends it. */
export function jsonError(status: number, type: string, message: string): AwsResponse {
  return { status, body: { __type: type, message }, headers: { 'x-amzn-errortype': type } };
}

/** An EC2 query-protocol error body as AWS sends it. */
export function ec2Error(status: number, code: string, message: string): AwsResponse {
  return {
    status,
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>00000000-0000-0000-0000-000000000000</RequestID></Response>`,
  };
}

export async function startAwsLoopback(): Promise<AwsLoopback> {
  const handlers = new Map<string, AwsHandler>();
  const requests: AwsRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const target = req.headers['x-amz-target'];
    let request: AwsRequest;
    if (typeof target === 'string') {
      const operation = target.split('.').pop() ?? '';
      request = { operation, protocol: 'json', json: raw ? JSON.parse(raw) : {}, params: new URLSearchParams(), headers: req.headers };
    } else {
      const params = new URLSearchParams(raw);
      request = { operation: params.get('Action') ?? '', protocol: 'query', json: undefined, params, headers: req.headers };
    }
    requests.push(request);
    const handler = handlers.get(request.operation);
    if (!handler) {
      const r = request.protocol === 'json'
        ? jsonError(400, 'UnknownOperationException', `loopback: no handler for ${request.operation}`)
        : ec2Error(400, 'InvalidAction', `loopback: no handler for ${request.operation}`);
      return send(res, request.protocol, r);
    }
    try {
      send(res, request.protocol, await handler(request));
    } catch (err) {
      send(res, request.protocol, request.protocol === 'json'
        ? jsonError(500, 'InternalFailure', (err as Error).message)
        : ec2Error(500, 'InternalError', (err as Error).message));
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    on: (operation, handler) => void handlers.set(operation, handler),
    close: () => new Promise<void>((ok, ko) => server.close((e) => (e ? ko(e) : ok()))),
  };
}

function send(res: import('node:http').ServerResponse, protocol: 'json' | 'query', r: AwsResponse): void {
  const isJson = protocol === 'json';
  const body = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  res.writeHead(r.status ?? 200, {
    'content-type': isJson ? 'application/x-amz-json-1.1' : 'text/xml;charset=UTF-8',
    'x-amzn-requestid': '00000000-0000-0000-0000-000000000000',
    ...r.headers,
  });
  res.end(body);
}

/** Static test credentials and endpoint for an SDK v3 client. */
export function clientConfig(loopback: AwsLoopback, region = 'us-east-1') {
  return {
    region,
    endpoint: loopback.url,
    credentials: { accessKeyId: 'AKIDLOOPBACK', secretAccessKey: 'loopback-secret' },
    maxAttempts: 1,
  };
}
