// One complete sample per email template, typed by its data: every field, optional ones included, and at least one
// item in every list, so a test can follow each {{field}} a template reads down to a value.
import type {
  LayoutData,
  ReminderData,
  ReminderItem,
  ResponsesData,
  SubmissionData,
  TemplateData,
  TemplateName,
} from '../../../functions/mail/index.ts';

const layout: LayoutData = {
  campaign: 'Phong trào Toàn dân bảo vệ an ninh Tổ quốc',
  organisation: 'Ban Chỉ đạo phong trào tỉnh',
  year: '2026',
  preheader: 'Thư tự động của Thường trực phong trào.',
};

const submission: SubmissionData = {
  formTitle: 'Báo cáo sơ kết',
  submittedAt: '25/09/2026 11:00:00',
  valid: false,
  answers: [{ question: 'Người báo cáo', answer: 'Nguyễn Thị Lan' }],
  errors: ['Câu "Số buổi tuyên truyền": bắt buộc trả lời nhưng đang để trống.'],
  notes: ['Đã thay thế bằng lần nộp sau (26/09/2026 08:00:00).'],
  editLink: 'https://docs.google.com/forms/d/e/sk/viewform?edit2=abc',
  number: 1,
  several: true,
};

const responses: ResponsesData = {
  ...layout,
  unitName: 'UBND xã An Bình',
  unitCode: 'XA-AB',
  formTitle: submission.formTitle,
  submittedAt: submission.submittedAt,
  answers: submission.answers,
  errors: submission.errors,
  notes: submission.notes,
  editLink: submission.editLink,
  submissions: [submission, { ...submission, number: 2, valid: true, errors: [], notes: [] }],
  several: true,
  count: 2,
  fixCount: 1,
  receivedCount: 1,
};

const item: ReminderItem = {
  milestoneCode: 'SK',
  milestoneName: 'Báo cáo sơ kết',
  form: 'Báo cáo sơ kết',
  deadline: 'Thứ Tư, 30/9/2026',
  step: 'overdue-1',
  status: 'Quá hạn 1 ngày (thông báo lần 1/2)',
  overdue: true,
  dueToday: false,
  daysLeft: 0,
  daysOverdue: 1,
  overdueNumber: 1,
  isNew: true,
  markNew: true,
  optional: true,
  invalid: true,
  submittedAt: '25/09/2026 11:00:00',
  errors: ['Câu "Số buổi tuyên truyền": bắt buộc trả lời nhưng đang để trống.'],
  formLink: 'https://docs.google.com/forms/d/e/sk/viewform?entry.1=XA-AB',
};

const reminder: ReminderData = {
  ...layout,
  unitCode: 'XA-AB',
  unitName: 'UBND xã An Bình',
  headline: 'Quá hạn nộp Báo cáo sơ kết (thông báo lần 1)',
  items: [item],
  several: false,
  itemCount: 1,
  overdueCount: 1,
  leadersCopied: true,
  overdueMax: 2,
};

const bar = [{ width: 100, color: '#15803d' }];

export const SAMPLES: { readonly [K in TemplateName]: TemplateData[K] } = {
  receipt: responses,
  'fix-request': responses,
  reminder,
  overdue: reminder,
  digest: {
    ...layout,
    week: '2026-W41',
    weekLabel: 'Tuần 41/2026',
    date: 'Thứ Hai, 5/10/2026',
    unitCount: 4,
    milestones: [
      {
        code: 'SK',
        name: 'Báo cáo sơ kết',
        deadline: '30/09/2026',
        onTime: 2,
        late: 0,
        overdue: 1,
        invalid: 1,
        notYetDue: 0,
        notRequired: 1,
        submittedPercent: '50',
        bar,
      },
    ],
    hasMilestones: true,
    clusters: [
      { cluster: 'Cụm xã, phường', units: [{ code: 'XA-AB', name: 'UBND xã An Bình', items: 'SK: quá hạn' }] },
    ],
    hasLateUnits: true,
    levels: [{ level: 'Xuất sắc', count: 1, percent: '25', bar }],
    nominations: [
      {
        award: 'Giấy khen',
        kind: 'Tập thể',
        nominated: 2,
        eligible: 1,
        target: '1–3',
        status: 'Đủ',
        ok: true,
      },
    ],
    hasNominations: true,
    pendingFixes: 1,
    changes: [{ label: 'Đã nộp SK', previous: 1, current: 2, delta: '+1' }],
    hasPrevious: true,
    hasChanges: true,
    previousWeekLabel: 'Tuần 40/2026',
    reportDeadlines: [
      {
        code: 'BC-TK',
        name: 'Báo cáo kết quả phong trào gửi Bộ Công an, Bộ Nội vụ',
        recipient: 'Bộ Công an; Bộ Nội vụ',
        deadline: '30/11/2026',
        countdown: 'còn 56 ngày',
        urgent: false,
      },
    ],
    hasReportDeadlines: true,
    lateUnitDeadlines: [
      {
        message:
          'Hạn nộp "Báo cáo tổng kết" của đơn vị (31/12/2026) muộn 31 ngày so với hạn "Báo cáo kết quả phong trào gửi Bộ Công an, Bộ Nội vụ" (30/11/2026): số liệu của đơn vị không kịp đưa vào báo cáo cấp trên. Nên đặt hạn của đơn vị sớm hơn ở trang Mốc thời gian.',
      },
    ],
    hasLateUnitDeadlines: true,
    hasTotals: true,
    interimReports: 3,
    finalReports: 0,
    totals: [{ label: 'Số buổi tuyên truyền', interim: '1.206', final: '', change: '' }],
    clusterTotals: [{ cluster: 'Cụm xã, phường', reports: 'sơ kết: 1/2 đơn vị', figures: 'Số buổi tuyên truyền 6' }],
    antt: [{ type: 'Cơ quan', units: 2, met: 1, notMet: 0, outOfScope: 0, noReport: 1 }],
    leaders: [
      { cluster: 'Khối cơ quan tỉnh', unitCode: 'SO-TP', unitName: 'Sở Tư pháp', total: '92', level: 'Xuất sắc' },
    ],
    hasLeaders: true,
    models: [{ name: 'Tổ tự quản an ninh, trật tự', units: 2 }],
    hasModels: true,
    modelUnits: 2,
    modelNames: 1,
    moreModels: 0,
  },
  results: {
    ...layout,
    unitCode: 'SO-TP',
    unitName: 'Sở Tư pháp',
    cluster: 'Khối cơ quan tỉnh',
    classified: true,
    level: 'Xuất sắc',
    total: '92',
    assessed: true,
    rank: '1',
    clusterClassified: 3,
    groups: [{ group: 'Lãnh đạo, chỉ đạo', score: '14', max: '15' }],
    hasGroups: true,
    commendable: true,
    reason: 'Đạt đủ điều kiện xét khen thưởng.',
    antt: 'Đạt',
    nominations: [
      {
        nominee: 'Phòng Phổ biến giáo dục pháp luật',
        award: 'Giấy khen',
        kind: 'Tập thể',
        status: 'Đủ điều kiện',
        reason: '',
        eligible: true,
      },
    ],
    hasNominations: true,
  },
};
