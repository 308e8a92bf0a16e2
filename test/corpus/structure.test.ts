// Broken spreadsheet structure: a renamed or duplicated required header stops every job with a clear error.
import { describe, expect, it } from 'vitest';
import { planJob } from '../../functions/jobs/jobs.ts';
import { FIXTURE_UNIT_KEY } from '../../scripts/bench/campaign.ts';
import { STRUCTURE } from '../data/corpus/structure.ts';
import { changedGrids, NOW, structureBase } from './harness.ts';

describe('structural corpus, planned by every job', () => {
  it.each(STRUCTURE.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const tabs = changedGrids(c.change, structureBase());
    for (const job of ['ingest', 'remind', 'digest'] as const) {
      const run = () => planJob(job, { spreadsheetId: 'corpus', tabs }, NOW, FIXTURE_UNIT_KEY);
      if (c.stops) {
        expect(run).toThrow(c.stops);
      } else {
        const { plan } = run();
        if (job === 'ingest')
          expect(plan.summary[0]).toContain(`Đã kiểm tra ${c.responses} câu trả lời: ${c.valid} hợp lệ`);
      }
    }
  });
});
