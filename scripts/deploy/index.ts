// The deploy plan and its runner.
export {
  DEPLOY_NODE_MAJOR,
  DeployInputError,
  SECRETS,
  functionUrl,
  planDeploy,
  planPrepare,
  renderPlan,
  serviceAccounts,
  shellQuote,
  validateInput,
  type DeployInput,
  type Step,
} from './plan.ts';
export { runPlan, type RunOptions } from './run.ts';
