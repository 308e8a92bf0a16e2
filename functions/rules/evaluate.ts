// The whole campaign judged from one snapshot: responses, classification, ANTT, nominations and award tallies.
import { FORMS, NOMINATION_FORM, REGISTRATION_FORM, FINAL_FORM } from '../../sheets-schema/forms/index.ts';
import type { Evaluation, JudgedResponse, Unit, UnitResult } from '../core/model.ts';
import { numberSetting, readSettings, setting, type Settings } from '../core/settings.ts';
import { nameKey } from '../core/cells.ts';
import { unitSecrets } from '../core/unit-secret.ts';
import { campaignTimeZone } from '../core/zone.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { ANTT_MET, anttRegistrationDeadline, anttVerdict, firstRegistration } from './antt.ts';
import {
  decisionText,
  readAnttDecisions,
  readAssessments,
  readCriteria,
  readQuotas,
  readTargets,
  readUnitsAndBodies,
} from './campaign-data.ts';
import { classifyUnit, commendableLevel, rankInClusters } from './classify.ts';
import type { UnitAntt, UnitStanding } from '../awards/rules.ts';
import { UNCLASSIFIED } from '../core/model.ts';
import { TAB } from '../../sheets-schema/index.ts';
import { readForwarded, sendUpTab } from '../rollup/forward.ts';
import { storedChildRows } from '../rollup/tab.ts';
import { readCatalogue } from '../awards/catalogue.ts';
import { readRegistry, registryKey } from '../awards/registry.ts';
import { readYearResults } from '../awards/years.ts';
import { judgeNominations, tallyAwards } from './nominations.ts';
import { awardsTab, checksTab, classificationTab, verdictLine } from './output-tabs.ts';
import { validateForm, type FormResponses } from './validate.ts';

/** `Xác thực đơn vị`: only a clear `Không` turns the check off; anything else keeps it on. */
export function secretsRequired(settings: Settings): boolean {
  return nameKey(setting(settings, 'Xác thực đơn vị')) !== 'không';
}

/**
 * Pure: the same snapshot, `now` and key always give the same evaluation. `unitKey` is the key the units' secrets
 * derive from (core/unit-secret.ts); without it, while `Xác thực đơn vị` is on, no response can prove its unit.
 * `now` dates the secrets the form links carry; no rule of the movement depends on it (deadlines are the calendar's).
 */
export function evaluateCampaign(snapshot: Snapshot, now: Date, unitKey?: string): Evaluation {
  const settings = readSettings(snapshot);
  const timeZone = campaignTimeZone(settings);
  const { units, bodies } = readUnitsAndBodies(snapshot, timeZone);
  const unitMap = new Map<string, Unit>();
  for (const u of units) unitMap.set(u.code, u);
  const criteria = readCriteria(snapshot);
  const secrets = unitSecrets(unitKey, secretsRequired(settings), now);
  const catalogue = readCatalogue(snapshot);
  const ctx = { units: unitMap, criteria, awards: catalogue, timeZone, secrets };

  const byForm = new Map<string, FormResponses>(FORMS.map((f) => [f.tab, validateForm(snapshot, f, ctx)]));
  const registrations = byForm.get(REGISTRATION_FORM.tab)!.standing;
  const registeredAt = firstRegistration(byForm.get(REGISTRATION_FORM.tab)!.responses);
  const anttDeadlineText = setting(settings, 'Hạn đăng ký An toàn về ANTT');
  const campaignYear = numberSetting(settings, 'Năm');
  const anttDeadline = anttRegistrationDeadline(anttDeadlineText, campaignYear, timeZone);
  const reports = byForm.get(FINAL_FORM.tab)!.standing;

  const assessments = readAssessments(snapshot);
  const { decisions, problems } = readAnttDecisions(snapshot, unitMap, timeZone);
  // Lists parallel to `units`, in `Đơn vị` order.
  const classifications = units.map((u) =>
    classifyUnit(u, reports.get(u.code), assessments.get(u.code), criteria, settings),
  );
  rankInClusters(classifications, (code) => unitMap.get(code)?.cluster ?? '');

  const results = units.map((u, i): UnitResult & { selfTotal: number | null } => {
    const c = classifications[i];
    // A recorded recognition is the decision itself: it wins over the unit's self-assessment (TT 124/2021/TT-BCA).
    const decision = decisions.get(u.code);
    // The classification's fields but its share (what levels compare, never shown), and the unit's ANTT verdict.
    return {
      unitCode: c.unitCode,
      total: c.total,
      selfTotal: c.selfTotal,
      assessed: c.assessed,
      level: c.level,
      rank: c.rank,
      commendable: c.commendable,
      reason: c.reason,
      groupScores: c.groupScores,
      antt: decision
        ? ANTT_MET
        : anttVerdict(
            u,
            registrations.get(u.code),
            reports.get(u.code),
            registeredAt.get(u.code),
            anttDeadline,
            anttDeadlineText,
          ),
      anttDecision: decision && decisionText(decision),
    };
  });

  // A body (a unit with its own campaign below) stands at the level the last roll-up derived from its subtree
  // (docs/design/rollup.md): the gate of the nominations it forwards.
  const bodyRows = storedChildRows(snapshot.tabs.get(TAB.children), bodies);
  const bodyLevels = new Map(bodyRows.map((r) => [r.code, r.level === '' ? UNCLASSIFIED : r.level]));
  // The results, not the classifications: these are let go now rather than kept through the nominations' judging.
  const standings = new Map<string, UnitStanding>();
  for (let i = 0; i < units.length; i++) standings.set(units[i].code, results[i]);
  for (const b of bodies) {
    const level = bodyLevels.get(b.code) ?? UNCLASSIFIED;
    standings.set(b.code, { level, commendable: level !== UNCLASSIFIED && commendableLevel(level, settings) });
  }
  const antt = new Map<string, UnitAntt>();
  for (let i = 0; i < units.length; i++) antt.set(units[i].code, { name: units[i].name, verdict: results[i].antt });
  const forwarded = readForwarded(snapshot, timeZone);
  const nominations = [...byForm.get(NOMINATION_FORM.tab)!.responses.filter((c) => c.valid), ...forwarded];
  const verdictOf = judgeNominations(nominations, standings, {
    quotas: readQuotas(snapshot),
    catalogue,
    unitCount: units.length,
    registry: readRegistry(snapshot),
    registryKey: registryKey(unitKey),
    year: campaignYear,
    history: readYearResults(snapshot),
    antt,
  });
  const verdicts = [...verdictOf.values()];
  const awards = tallyAwards(readTargets(snapshot), verdicts);

  // A nomination's verdict is also a note of its receipt, and the last: `Kiểm tra` shows it apart from the other notes.
  for (let i = 0; i < nominations.length; i++) {
    const v = verdictOf.get(nominations[i]);
    if (v) nominations[i].note(verdictLine(v));
  }
  // Form by form, as `Kiểm tra` lists them. The children's forwarded nominations are not responses of this campaign's
  // forms: listed after them with their verdict, never mailed a receipt. concat sizes the list once; flatMap grows it.
  const responses = ([] as JudgedResponse[]).concat(...FORMS.map((f) => byForm.get(f.tab)!.responses));

  return {
    settings,
    secrets,
    units,
    responses,
    counted: new Map(FORMS.flatMap((f) => (f.eachResponseStands ? [] : [[f.tab, byForm.get(f.tab)!.standing]]))),
    results,
    nominations: verdicts,
    awards,
    forwarded,
    bodies,
    tabs: [
      checksTab([responses, forwarded], verdictOf),
      classificationTab(units, results, bodies, standings),
      awardsTab(awards),
      sendUpTab(verdictOf),
    ],
    ...(problems.length > 0 ? { warnings: problems } : {}),
  };
}
