// `npm run deploy`: prints the gcloud commands (default, --dry-run) or runs them (--apply), stopping at the first
// failure. `--prepare` limits the plan to what a new project needs before setup-sheets: APIs, service accounts,
// secrets.
import { planDeploy, planPrepare, renderPlan, runPlan, type DeployInput } from './deploy/index.ts';
import { parseCommandLine } from './cli/args.ts';

const USAGE =
  'Cách dùng: npm run deploy -- [--project <mã dự án>] [--region <vùng>] [--spreadsheet <mã bảng tính>] [--sender <email>] [--source <thư mục>] [--prepare] [--apply | --dry-run]';

const { values } = parseCommandLine(
  {
    options: {
      project: { type: 'string' },
      region: { type: 'string' },
      spreadsheet: { type: 'string' },
      sender: { type: 'string' },
      source: { type: 'string' },
      apply: { type: 'boolean', default: false },
      prepare: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  },
  USAGE,
);

const input: DeployInput = {
  project: values.project ?? process.env.GOOGLE_CLOUD_PROJECT ?? '',
  region: values.region ?? process.env.DEPLOY_REGION ?? 'asia-southeast1',
  spreadsheetId: values.spreadsheet ?? process.env.SPREADSHEET_ID ?? '',
  sender: values.sender ?? process.env.MAIL_FROM ?? '',
  source: values.source ?? 'dist',
};

try {
  const steps = values.prepare ? planPrepare(input) : planDeploy(input);
  if (values.apply && !values['dry-run']) {
    await runPlan(steps);
    console.log(values.prepare ? 'Đã chuẩn bị xong dự án.' : 'Đã triển khai xong.');
  } else {
    process.stdout.write(renderPlan(steps, input, { prepareOnly: values.prepare }));
  }
} catch (error) {
  // Input errors and failed commands both end here with one readable line; the command's own stderr is already shown.
  if (!(error instanceof Error)) throw error;
  console.error(error.message);
  process.exit(1);
}
