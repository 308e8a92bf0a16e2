// The parent's classification of a body from its subtree's results (seed 001 §3.5: the Cụm/Khối leaders judge
// districts and departments on their members' ANTT recognition and classification). The rule is data in `Cấu hình`.
import { numberSetting, type Settings } from '../core/settings.ts';
import { UNCLASSIFIED } from '../core/model.ts';
import { LEVEL_NAMES, type LevelName, type RollupFigures } from './figures.ts';

export interface DerivedRule {
  /** % of the units classified Khá or better for Xuất sắc… */
  readonly excellentGood: number;
  /** …together with this % of the units in scope meeting "An toàn về ANTT". */
  readonly excellentAntt: number;
  /** % of the units classified Khá or better for Khá. */
  readonly good: number;
  /** % of the units classified Trung bình or better for Trung bình; below, Yếu. */
  readonly average: number;
}

export function derivedRule(settings: Settings): DerivedRule {
  return {
    excellentGood: numberSetting(settings, 'Cấp dưới: tỷ lệ Khá trở lên để Xuất sắc (%)'),
    excellentAntt: numberSetting(settings, 'Cấp dưới: tỷ lệ đạt ANTT để Xuất sắc (%)'),
    good: numberSetting(settings, 'Cấp dưới: tỷ lệ Khá trở lên để Khá (%)'),
    average: numberSetting(settings, 'Cấp dưới: tỷ lệ Trung bình trở lên để Trung bình (%)'),
  };
}

/**
 * The body's level. Shares are of all the subtree's units, so a unit left unclassified counts against; with no unit
 * classified the body is `Chưa xếp loại`. Units out of the ANTT standard's scope are left out of its share; without
 * ANTT figures (a child on an older version) the ANTT condition is not met.
 */
export function derivedLevel(figures: RollupFigures, rule: DerivedRule): LevelName {
  const [excellent, good, average] = figures.levels;
  const unclassified = figures.levels[LEVEL_NAMES.indexOf(UNCLASSIFIED)];
  if (figures.units === 0 || unclassified >= figures.units) return UNCLASSIFIED;
  // Compared as products, not divided: 7 of 10 is 70%, never 69.99999.
  const atLeast = (n: number, of: number, percent: number) => n * 100 >= percent * of;
  const inScope = figures.antt ? figures.units - figures.antt.outOfScope : 0;
  const anttMet = figures.antt !== null && (inScope === 0 || atLeast(figures.antt.met, inScope, rule.excellentAntt));
  if (atLeast(excellent + good, figures.units, rule.excellentGood) && anttMet) return 'Xuất sắc';
  if (atLeast(excellent + good, figures.units, rule.good)) return 'Khá';
  if (atLeast(excellent + good + average, figures.units, rule.average)) return 'Trung bình';
  return 'Yếu';
}
