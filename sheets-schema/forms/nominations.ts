// `Đề nghị khen thưởng`: one response per nominee; the awards, kinds and which fields each award needs come from the
// catalogue `Danh mục khen thưởng` (sheets-schema/awards.ts); the service fields follow Thông tư 20/2025/TT-BCA.
import {
  AWARD_CERTIFICATE,
  AWARD_MEDAL,
  AWARD_MINISTER_CERTIFICATE,
  KIND_COLLECTIVE,
  KIND_INDIVIDUAL,
  defaultAwards,
} from '../awards.ts';
import type { FormDef, Question } from '../types.ts';
import { NO, YES } from './final.ts';
import { UNIT_CODE, UNIT_SECRET } from './unit.ts';

export { AWARD_CERTIFICATE, AWARD_MEDAL, AWARD_MINISTER_CERTIFICATE, KIND_COLLECTIVE, KIND_INDIVIDUAL };
/** The default catalogue's awards; a campaign's own are in its `Danh mục khen thưởng`. */
export const AWARDS: readonly string[] = defaultAwards().map((a) => a.name);

export const ACHIEVEMENT_REGULAR = 'Thường xuyên';
export const ACHIEVEMENT_ONE_OFF = 'Đột xuất';

export const MALE = 'Nam';
export const FEMALE = 'Nữ';
export const GROUP_LEADER = 'Lãnh đạo';
export const GROUP_GRASSROOTS = 'Lực lượng cơ sở';

export const NOMINATION_HEADERS = {
  unit: 'Mã đơn vị',
  kind: 'Đối tượng',
  award: 'Hình thức khen thưởng',
  nominee: 'Họ tên / Tên tập thể',
  position: 'Chức vụ',
  summary: 'Thành tích tóm tắt',
  gender: 'Giới tính',
  group: 'Nhóm đối tượng',
  years: 'Số năm công tác',
  difficultYears: 'Số năm ở vùng đặc biệt khó khăn',
  commendations: 'Số lần được khen về ANTQ',
  excluded: 'Đã được tặng huy chương loại trừ',
  disciplined: 'Đang bị kỷ luật hoặc xem xét',
  achievement: 'Loại thành tích',
  birthDate: 'Ngày sinh',
} as const;

const H = NOMINATION_HEADERS;
const MEDAL_NOTE = 'Chỉ điền khi đề nghị Kỷ niệm chương hoặc hình thức xét theo số năm công tác.';

const medalYears = (header: string, help: string): Question => ({
  header,
  kind: 'integer',
  required: false,
  requiredForAward: 'service',
  min: 0,
  max: 80,
  help: `${help} ${MEDAL_NOTE}`,
});

export const NOMINATION_FORM: FormDef = {
  tab: 'Đề nghị khen thưởng',
  title: 'Đề nghị khen thưởng phong trào Toàn dân bảo vệ an ninh Tổ quốc',
  description:
    'Mỗi lần gửi là một tập thể hoặc một cá nhân được đề nghị. Chỉ đơn vị xếp loại Xuất sắc, Khá được xét khen thưởng.',
  questions: [
    UNIT_CODE,
    UNIT_SECRET,
    { header: H.kind, kind: 'choice', required: true, optionsFrom: 'nomineeKinds' },
    {
      header: H.award,
      kind: 'choice',
      required: true,
      optionsFrom: 'awards',
      help: 'Các hình thức trong Danh mục khen thưởng. Kỷ niệm chương chỉ xét tặng cá nhân, mỗi người một lần.',
    },
    {
      header: H.nominee,
      kind: 'text',
      required: true,
      maxLength: 200,
      help: 'Họ và tên đầy đủ của cá nhân hoặc tên tập thể.',
    },
    {
      header: H.position,
      kind: 'text',
      required: true,
      requiredWhen: { header: H.kind, equals: KIND_INDIVIDUAL },
      maxLength: 200,
      help: 'Chức vụ, đơn vị công tác của cá nhân.',
    },
    {
      header: H.summary,
      kind: 'paragraph',
      required: false,
      requiredForAward: 'summary',
      maxLength: 3000,
      help: 'Bắt buộc với Bằng khen, Cờ thi đua và các hình thức Danh mục khen thưởng yêu cầu; tối đa 3.000 ký tự.',
    },
    {
      header: H.gender,
      kind: 'choice',
      required: false,
      requiredForAward: 'service',
      options: [MALE, FEMALE],
      help: 'Cá nhân: nên điền để ghi vào danh sách đề nghị khen thưởng. Bắt buộc khi đề nghị Kỷ niệm chương hoặc hình thức xét theo số năm công tác.',
    },
    {
      header: H.group,
      kind: 'choice',
      required: false,
      requiredForAward: 'service',
      options: [GROUP_LEADER, GROUP_GRASSROOTS],
      help: `Lãnh đạo cấp ủy, chính quyền, đoàn thể, nhà trường, doanh nghiệp; hoặc thành viên lực lượng bảo vệ an ninh, trật tự ở cơ sở. ${MEDAL_NOTE}`,
    },
    medalYears(H.years, 'Số năm giữ chức vụ lãnh đạo hoặc tham gia lực lượng cơ sở.'),
    medalYears(
      H.difficultYears,
      'Trong số năm công tác, số năm ở vùng đặc biệt khó khăn, biên giới, hải đảo (được tính gấp đôi). Ghi 0 nếu không có.',
    ),
    medalYears(H.commendations, 'Số lần được khen thưởng về công tác bảo vệ an ninh Tổ quốc.'),
    {
      header: H.excluded,
      kind: 'choice',
      required: false,
      requiredForAward: 'service',
      options: [YES, NO],
      help: `Đã được tặng Kỷ niệm chương "Bảo vệ an ninh Tổ quốc", "Chiến sĩ vẻ vang" hoặc "Vì an ninh Tổ quốc", hoặc đã bị truy cứu trách nhiệm hình sự. ${MEDAL_NOTE}`,
    },
    {
      header: H.disciplined,
      kind: 'choice',
      required: false,
      requiredForAward: 'service',
      options: [YES, NO],
      help: `Đang bị kỷ luật, hoặc đang bị khiếu nại, tố cáo, thanh tra, kiểm tra chưa có kết luận. ${MEDAL_NOTE}`,
    },
    {
      header: H.achievement,
      kind: 'choice',
      required: false,
      requiredForAward: 'oneOff',
      options: [ACHIEVEMENT_REGULAR, ACHIEVEMENT_ONE_OFF],
      help: 'Đột xuất: hành động dũng cảm, bị thương hoặc hy sinh, thành tích đột xuất khác. Bắt buộc với Khen thưởng đột xuất.',
    },
    {
      header: H.birthDate,
      kind: 'date',
      required: false,
      requiredForAward: 'identity',
      requiredWhen: { header: H.kind, equals: KIND_INDIVIDUAL },
      maxLength: 10,
      help: 'Cá nhân: ngày sinh dd/MM/yyyy, ví dụ 05/03/1980, để nhận ra cùng một người qua các năm và giữa các đơn vị (không ghi số định danh cá nhân). Bắt buộc khi đề nghị Kỷ niệm chương hoặc hình thức chỉ tặng một lần, xét theo số lần khen thưởng trước đó.',
    },
  ],
  eachResponseStands: true,
  rules: [
    { kind: 'atMost', header: H.difficultYears, atMost: H.years, showValues: false },
    { kind: 'pastDate', header: H.birthDate, maxYears: 110 },
  ],
};
