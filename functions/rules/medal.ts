// Kỷ niệm chương "Bảo vệ an ninh Tổ quốc" (Thông tư 20/2025/TT-BCA): who qualifies, who is excluded, who waits.
import {
  FEMALE,
  GROUP_LEADER,
  KIND_INDIVIDUAL,
  NOMINATION_HEADERS as H,
  YES,
} from '../../sheets-schema/forms/index.ts';
import type { Answer, Answers, NominationStatus } from '../core/model.ts';
import type { Settings } from '../core/settings.ts';
import { numberSetting } from '../core/settings.ts';

export interface MedalRules {
  readonly leaderYears: number;
  readonly menYears: number;
  readonly womenYears: number;
}

export function readMedalRules(settings: Settings): MedalRules {
  return {
    leaderYears: numberSetting(settings, 'KNC: số năm công tác của lãnh đạo'),
    menYears: numberSetting(settings, 'KNC: số năm công tác của nam'),
    womenYears: numberSetting(settings, 'KNC: số năm công tác của nữ'),
  };
}

export interface MedalVerdict {
  readonly status: Extract<NominationStatus, 'Đủ điều kiện' | 'Không đủ điều kiện' | 'Chưa xét'>;
  readonly reason: string;
}

const num = (v: Answer | undefined): number => (typeof v === 'number' ? v : 0);

/** `values` are a valid nomination's answers, so the medal fields are present. */
export function medalVerdict(values: Answers, rules: MedalRules): MedalVerdict {
  const no = (reason: string): MedalVerdict => ({ status: 'Không đủ điều kiện', reason });
  if (values.get(H.kind) !== KIND_INDIVIDUAL) return no('Kỷ niệm chương chỉ xét tặng cá nhân.');
  if (values.get(H.excluded) === YES) {
    return no(
      'Đã được tặng Kỷ niệm chương hoặc huy chương loại trừ, hoặc đã bị truy cứu trách nhiệm hình sự; Kỷ niệm chương chỉ tặng một lần.',
    );
  }
  if (values.get(H.disciplined) === YES) {
    return {
      status: 'Chưa xét',
      reason: 'Đang bị kỷ luật hoặc đang bị khiếu nại, thanh tra, kiểm tra: chưa xét cho đến khi có kết luận.',
    };
  }
  const years = num(values.get(H.years));
  if (values.get(H.group) === GROUP_LEADER) {
    if (years < rules.leaderYears)
      return no(`Lãnh đạo cần ít nhất ${rules.leaderYears} năm giữ chức vụ (mới có ${years} năm).`);
    if (num(values.get(H.commendations)) < 1)
      return no('Lãnh đạo cần ít nhất một lần được khen thưởng về công tác bảo vệ an ninh Tổ quốc.');
    return { status: 'Đủ điều kiện', reason: '' };
  }
  // Years in especially difficult, border or island areas count double: add them once more.
  const counted = years + num(values.get(H.difficultYears));
  const women = values.get(H.gender) === FEMALE;
  const needed = women ? rules.womenYears : rules.menYears;
  if (counted < needed) {
    return no(
      `Lực lượng cơ sở (${women ? 'nữ' : 'nam'}) cần ít nhất ${needed} năm tham gia, tính cả thời gian ở vùng đặc biệt khó khăn nhân đôi (mới có ${counted} năm).`,
    );
  }
  return { status: 'Đủ điều kiện', reason: '' };
}
