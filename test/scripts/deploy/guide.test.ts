// The deploy guide's steps, in the order a new Google Cloud project needs them, and in step with the deploy plan.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEPLOY_NODE_MAJOR } from '../../../scripts/deploy/index.ts';

const guide = readFileSync(new URL('../../../docs/deploy/GUIDE.md', import.meta.url), 'utf8');

/** Where `text` first appears in the guide; fails the test if it does not. */
function at(text: string): number {
  const index = guide.indexOf(text);
  expect(index, `the guide should contain ${JSON.stringify(text)}`).toBeGreaterThanOrEqual(0);
  return index;
}

describe('the deploy guide', () => {
  it('issue 14: enables the APIs and creates the service accounts before setup-sheets names the functions account', () => {
    const prepare = at('npm run deploy -- --prepare --apply');
    const share = at('thidua-functions@<Mã dự án>.iam.gserviceaccount.com` với quyền **Người chỉnh sửa**');
    const quotaProject = at('gcloud auth application-default set-quota-project');
    const setup = at(
      'FUNCTIONS_SERVICE_ACCOUNT=thidua-functions@<Mã dự án>.iam.gserviceaccount.com npm run setup-sheets',
    );
    const deploy = at('npm run deploy -- --apply      #');
    expect(prepare).toBeLessThan(share);
    expect(share).toBeLessThan(setup);
    expect(quotaProject).toBeLessThan(setup);
    expect(setup).toBeLessThan(deploy);
  });

  it('numbers its steps 1 to 10 in order', () => {
    const numbers = [...guide.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('names the runtime the plan deploys, and no other', () => {
    expect(guide).toContain(`Node.js ${DEPLOY_NODE_MAJOR}`);
    expect(guide).toContain(`nodejs${DEPLOY_NODE_MAJOR}`);
    expect(guide).not.toContain('Node.js 20');
  });
});
