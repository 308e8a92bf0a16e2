// Recording the year's decisions into the registry (functions/awards/record.ts plans it): shared by `npm run
// record-decisions` and the menu's "Ghi quyết định vào sổ". Running it twice adds nothing.
import { quoteSheet } from '../core/a1.ts';
import { numberSetting } from '../core/settings.ts';
import { campaignTimeZone } from '../core/zone.ts';
import { planRecordDecisions } from '../awards/record.ts';
import { registryKey } from '../awards/registry.ts';
import type { Spreadsheet } from '../gateways/spreadsheet.ts';
import { readAllTabs, snapshotOf } from '../gateways/whole-spreadsheet.ts';
import { evaluateCampaign } from '../rules/index.ts';
import { setupSpreadsheet } from '../setup/index.ts';
import { TAB } from '../../sheets-schema/index.ts';

/** Appends what the decisions typed so far add to the registry; Vietnamese lines say what, or that nothing was new. */
export async function recordDecisions(book: Spreadsheet, now: Date, unitSecretKey?: string): Promise<string[]> {
  // A spreadsheet set up before the registry existed gains its tabs (headers only; nothing else changes).
  await setupSpreadsheet(book);
  const snapshot = snapshotOf(book.id, await readAllTabs(book));
  const evaluation = evaluateCampaign(snapshot, now, unitSecretKey);
  const year = numberSetting(evaluation.settings, 'Năm');
  const timeZone = campaignTimeZone(evaluation.settings);
  const plan = planRecordDecisions(snapshot, evaluation, registryKey(unitSecretKey), year, timeZone);
  const lines: string[] = [];
  if (plan.rows.length === 0 && plan.yearRows.length === 0)
    lines.push(`Không có gì mới để ghi vào sổ năm ${year}: sổ giữ nguyên.`);
  if (plan.rows.length > 0) await book.append(quoteSheet(TAB.registry), plan.rows);
  lines.push(`Đã ghi ${plan.rows.length} dòng vào "${TAB.registry}" (năm ${year}).`);
  if (plan.alreadyRecorded > 0) lines.push(`${plan.alreadyRecorded} người, tập thể đã có trong sổ: không ghi lại.`);
  if (plan.yearRows.length > 0) await book.append(quoteSheet(TAB.yearResults), plan.yearRows);
  lines.push(`Đã ghi ${plan.yearRows.length} dòng vào "${TAB.yearResults}" (năm ${year}).`);
  if (plan.yearsAlreadyRecorded > 0)
    lines.push(`${plan.yearsAlreadyRecorded} đơn vị đã có xếp loại năm ${year} trong sổ: không ghi lại.`);
  for (const award of plan.awaitingDecision)
    lines.push(`Chưa ghi "${award}": chưa có số quyết định trong "${TAB.decisions}".`);
  return lines;
}
