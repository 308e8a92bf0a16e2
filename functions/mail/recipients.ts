// A unit's recipients, built once per unit however many of its emails a run plans (receipts, results, reminders).
import { recipients } from '../core/address.ts';
import type { Unit } from '../core/model.ts';
import type { Recipient } from '../core/snapshot.ts';

const built = new WeakMap<Unit, readonly Recipient[]>();

/** `Email liên hệ` of the unit under its name: the only addresses its emails go to (issue 15). */
export function unitRecipients(unit: Unit): readonly Recipient[] {
  let to = built.get(unit);
  if (!to) {
    to = recipients(unit.contactEmails, unit.name);
    built.set(unit, to);
  }
  return to;
}
