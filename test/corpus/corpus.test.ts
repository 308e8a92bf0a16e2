// Every corpus case through the pure rules: the documented Vietnamese verdict, one `Kiểm tra` row per response.
import { describe, expect, it } from 'vitest';
import { TAB } from '../../sheets-schema/index.ts';
import { evaluateCampaign } from '../../functions/rules/index.ts';
import { planJob } from '../../functions/jobs/jobs.ts';
import { FIXTURE_UNIT_KEY, type Row } from '../../scripts/bench/campaign.ts';
import { CORPUS } from '../data/corpus/responses.ts';
import { campaignSnapshot, caseRows, checkRows, mismatches, NOW } from './harness.ts';

function checksOf(rowsByTab: Map<string, Row[]>) {
  const evaluation = evaluateCampaign(campaignSnapshot(rowsByTab), NOW, FIXTURE_UNIT_KEY);
  const tab = evaluation.tabs.find((t) => t.tab === TAB.checks);
  return { evaluation, checks: checkRows(tab?.rows ?? []) };
}

describe('bad-input corpus, judged by evaluateCampaign', () => {
  it('has at least 100 responses, with unique ids', () => {
    expect(CORPUS.reduce((n, c) => n + c.rows.length, 0)).toBeGreaterThanOrEqual(100);
    expect(new Set(CORPUS.map((c) => c.id)).size).toBe(CORPUS.length);
  });

  it.each(CORPUS.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { checks } = checksOf(new Map([[c.form, caseRows(c)]]));
    const own = checks.filter((r) => r.form === c.form).sort((a, b) => a.row - b.row);
    expect(own).toHaveLength(c.rows.length);
    const problems = c.expect.flatMap((e, i) => mismatches(own[i], e).map((p) => `row ${i + 1}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('all cases together: one Kiểm tra row each, the same status as alone, and every job plans without crashing', () => {
    const rowsByTab = new Map<string, Row[]>();
    const expected: { form: string; status: string }[] = [];
    for (const c of CORPUS) {
      const rows = rowsByTab.get(c.form) ?? [];
      rows.push(...caseRows(c));
      rowsByTab.set(c.form, rows);
    }
    for (const [form, rows] of rowsByTab) {
      // Sheet order within a tab is the corpus order, so expectations line up row by row.
      let i = 0;
      for (const c of CORPUS.filter((x) => x.form === form))
        for (const e of c.expect) {
          expected.push({ form, status: e.status });
          i++;
        }
      expect(i).toBe(rows.length);
    }
    const { checks } = checksOf(rowsByTab);
    const total = [...rowsByTab.values()].reduce((n, r) => n + r.length, 0);
    expect(checks).toHaveLength(total);
    const actual = [...rowsByTab.keys()].flatMap((form) =>
      checks
        .filter((r) => r.form === form)
        .sort((a, b) => a.row - b.row)
        .map((r) => ({ form, status: r.status })),
    );
    expect(actual).toEqual(expected);

    const snapshot = campaignSnapshot(rowsByTab);
    for (const job of ['ingest', 'remind', 'digest'] as const) {
      const { plan } = planJob(job, snapshot, NOW, FIXTURE_UNIT_KEY);
      expect(plan.writes.length).toBeGreaterThan(0);
    }
  });
});
