// The `rollup` job: one row per child campaign in `Tổng hợp cấp dưới`, from the children the runner read beforehand.
import { TAB } from '../../sheets-schema/index.ts';
import { childrenTab, CHILD_STATUS } from '../rollup/index.ts';
import type { Planner } from './plan.ts';

export const rollup: Planner = (context) => {
  const rows = context.childRows;
  const failed = rows.filter((r) => r.status !== CHILD_STATUS.read);
  const summary = [
    rows.length === 0
      ? `${TAB.units} chưa có đơn vị nào có Mã bảng tính: không có cấp dưới để tổng hợp.`
      : `${TAB.children}: đọc được ${rows.length - failed.length}/${rows.length} bảng tính cấp dưới.`,
    ...failed.map((r) => `Không đọc được ${r.code} (${r.name}): ${r.reason}`),
  ];
  const forwarded = context.forwarded ? [context.forwarded] : [];
  const count = forwarded.reduce((n, t) => n + t.rows.length - 1, 0);
  if (rows.length > 0) summary.push(`${TAB.forwarded}: ${count} đề nghị khen thưởng đủ điều kiện của cấp dưới.`);
  return { writes: [childrenTab(rows), ...forwarded], emails: [], summary };
};
