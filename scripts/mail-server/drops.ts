// What real SendGrid accepts with 202 and then silently drops: the imitation accepts it too, delivers nothing of it and
// records why under GET /__admin/drops, so a test or the bench can see what production would lose without a word.
import { isAscii } from './validate.ts';

export interface Drop {
  /** X-Message-Id of the accepted request. */
  readonly messageId: string;
  readonly receivedAt: string;
  /** Index in `personalizations`; the whole personalization is lost. */
  readonly personalization: number;
  readonly email_key?: string;
  /** The field at fault, e.g. `personalizations.3.to.0.name` or `from.name`. */
  readonly field: string;
  readonly reason: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Per personalization of an accepted body, the first reason it would be dropped, if any:
 * - a to/cc/bcc name with `,` or `;` ("The to.name, cc.name, and bcc.name personalizations cannot include either the
 *   ; or , characters": SendGrid reads the name as an address, the message shows as dropped, reason Invalid);
 * - a recipient address with non-ASCII characters (accepted, then dropped as Invalid);
 * - a non-ASCII from name ("Unicode encoding is not supported for the from field"): what reaches the recipient is not
 *   documented, so the imitation counts every personalization as lost.
 */
export function findDrops(body: Json): Map<number, { field: string; reason: string }> {
  const drops = new Map<number, { field: string; reason: string }>();
  const personalizations = Array.isArray(body.personalizations) ? body.personalizations : [];
  const fromName = isObject(body.from) ? body.from.name : undefined;
  personalizations.forEach((p: unknown, i) => {
    if (!isObject(p)) return;
    for (const kind of ['to', 'cc', 'bcc'] as const) {
      const list = Array.isArray(p[kind]) ? (p[kind] as unknown[]) : [];
      for (let j = 0; j < list.length && !drops.has(i); j++) {
        const r = list[j];
        if (!isObject(r)) continue;
        if (typeof r.name === 'string' && /[,;]/.test(r.name)) {
          drops.set(i, {
            field: `personalizations.${i}.${kind}.${j}.name`,
            reason: `${kind}.name contains ',' or ';' (Mail Send limitations): dropped as an invalid address`,
          });
        } else if (typeof r.email === 'string' && !isAscii(r.email)) {
          drops.set(i, {
            field: `personalizations.${i}.${kind}.${j}.email`,
            reason: 'non-ASCII address: dropped as invalid',
          });
        }
      }
    }
    if (!drops.has(i) && typeof fromName === 'string' && !isAscii(fromName)) {
      drops.set(i, {
        field: 'from.name',
        reason: 'non-ASCII from name: "Unicode encoding is not supported for the from field" (Mail Send limitations)',
      });
    }
  });
  return drops;
}
