// What the weekly digest says about the reports up (issue 18 §1, §5): a countdown to the organiser's own report
// deadlines, the unit deadlines that fall after them, and the same indicator totals as `Tổng hợp`.
import { formatDate, nameKey } from '../core/cells.ts';
import type { DashboardModel } from '../dashboard/index.ts';
import type { IndicatorFigure } from '../results/index.ts';
import type { ReportsDigestData } from '../mail/types.ts';
import { formatNumber } from '../core/format.ts';

/** An email to many leaders lists the most common models; the full list is in `Tổng hợp`. */
export const MODELS_SHOWN = 10;

const num = (n: number | null): string => (n === null ? '' : formatNumber(n));

function value(f: Pick<IndicatorFigure, 'kind'>, n: number | null): string {
  return n === null ? '' : f.kind === 'percent' ? `${formatNumber(n)}%` : formatNumber(n);
}

function change(f: IndicatorFigure): string {
  if (f.change === null) return '';
  const sign = f.change > 0 ? '+' : '';
  return f.kind === 'percent' ? `${sign}${formatNumber(f.change)} điểm %` : `${sign}${formatNumber(f.change)}`;
}

function countdown(daysLeft: number): string {
  return daysLeft === 0 ? 'hôm nay là hạn cuối' : `còn ${daysLeft} ngày`;
}

export function reportsDigestData(model: DashboardModel): ReportsDigestData {
  const tz = model.timeZone;
  const upcoming = model.reportDeadlines.filter((c) => c.daysLeft >= 0);
  const { totals } = model;
  const hasTotals = totals.campaign.interimReports + totals.campaign.finalReports > 0;

  const byName = new Map<string, { name: string; units: number }>();
  for (const m of totals.models) {
    for (const name of new Set(m.names)) {
      // One model typed with different capitals or spacing by two units is one model.
      const key = nameKey(name);
      const entry = byName.get(key) ?? { name, units: 0 };
      entry.units++;
      byName.set(key, entry);
    }
  }
  const models = [...byName.values()].sort((a, b) => b.units - a.units || a.name.localeCompare(b.name, 'vi'));

  return {
    reportDeadlines: upcoming.map((c) => ({
      code: c.deadline.code,
      name: c.deadline.name,
      recipient: c.deadline.recipient,
      deadline: formatDate(c.deadline.deadline, tz),
      countdown: countdown(c.daysLeft),
      urgent: c.daysLeft <= 7,
    })),
    hasReportDeadlines: upcoming.length > 0,
    lateUnitDeadlines: model.lateUnitDeadlines.map((l) => ({ message: l.message })),
    hasLateUnitDeadlines: model.lateUnitDeadlines.length > 0,
    hasTotals,
    interimReports: totals.campaign.interimReports,
    finalReports: totals.campaign.finalReports,
    totals: hasTotals
      ? totals.campaign.figures.map((f) => ({
          label: f.header,
          interim: value(f, f.interim),
          final: value(f, f.final),
          change: change(f),
        }))
      : [],
    clusterTotals: hasTotals
      ? totals.clusters.map((c) => {
          const final = c.finalReports > 0;
          const figures = c.figures
            .map((f) => ({ f, v: final ? f.final : f.interim }))
            .filter(({ v }) => v !== null)
            .map(({ f, v }) => `${f.header} ${value(f, v)}`);
          return {
            cluster: c.cluster,
            reports: final
              ? `tổng kết: ${c.finalReports}/${c.units} đơn vị`
              : `sơ kết: ${c.interimReports}/${c.units} đơn vị`,
            figures: figures.length > 0 ? figures.join(' · ') : 'chưa có báo cáo',
          };
        })
      : [],
    ...childrenDigest(model),
    antt: totals.antt.map((a) => ({ ...a })),
    leaders: totals.leaders.map((l) => ({
      cluster: l.cluster,
      unitCode: l.unitCode,
      unitName: l.unitName,
      total: num(l.total),
      level: l.level,
    })),
    hasLeaders: totals.leaders.length > 0,
    models: models.slice(0, MODELS_SHOWN),
    hasModels: models.length > 0,
    modelUnits: totals.models.length,
    modelNames: models.length,
    moreModels: Math.max(0, models.length - MODELS_SHOWN),
  };
}

/** The whole hierarchy's totals, own plus every child's subtree, as the last roll-up left them. */
function childrenDigest(model: DashboardModel) {
  const c = model.withChildren;
  return {
    hasChildrenTotals: c !== undefined && c.children > 0,
    childrenCount: c?.children ?? 0,
    childrenCounted: c?.counted ?? 0,
    childrenInterimReports: c?.interimReports ?? 0,
    childrenFinalReports: c?.finalReports ?? 0,
    childrenTotals: (c?.figures ?? []).map((f) => ({
      label: f.header,
      interim: value(f, f.interim),
      final: value(f, f.final),
    })),
  };
}
