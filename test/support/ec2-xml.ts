/**
 * Serializes a recorded EC2 response (the JSON shape of the AWS CLI / SDK output, e.g.
 * `{ InstanceTypes: [...], NextToken }`) into the EC2 query-protocol XML the real SDK parses.
 * Element names come from the SDK's own schema (xmlName traits: `instanceTypeSet`, lists of `<item>`),
 * so the loopback speaks exactly what the deserializer expects.
 */
import { NormalizedSchema } from '@smithy/core/schema';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function body(ns: NormalizedSchema, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (ns.isListSchema()) {
    const member = ns.getValueSchema();
    const tag = member.getMergedTraits().xmlName ?? 'member';
    return (value as unknown[]).map((v) => `<${tag}>${body(member, v)}</${tag}>`).join('');
  }
  if (ns.isMapSchema()) {
    const v = ns.getValueSchema();
    return Object.entries(value as Record<string, unknown>)
      .map(([k, x]) => `<entry><key>${escapeXml(k)}</key><value>${body(v, x)}</value></entry>`)
      .join('');
  }
  if (ns.isStructSchema()) {
    let out = '';
    for (const [name, member] of ns.structIterator()) {
      const v = (value as Record<string, unknown>)[name];
      if (v === undefined || v === null) continue;
      const tag = member.getMemberTraits().xmlName ?? name;
      out += `<${tag}>${body(member, v)}</${tag}>`;
    }
    return out;
  }
  if (ns.isTimestampSchema()) return new Date(value as string | Date).toISOString();
  return escapeXml(String(value));
}

/** `<{Operation}Response xmlns=…><requestId/>…</…Response>` for an operation's output schema. */
export function ec2XmlResponse(operation: string, outputSchema: unknown, data: unknown): string {
  const ns = NormalizedSchema.of(outputSchema as never);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">` +
    `<requestId>00000000-0000-0000-0000-000000000000</requestId>${body(ns, data)}</${operation}Response>`
  );
}
