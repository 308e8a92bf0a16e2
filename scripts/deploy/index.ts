// The deploy plan and its runner.
export { DeployInputError, SECRETS, functionUrl, planDeploy, renderPlan, shellQuote, validateInput, type DeployInput, type Step } from './plan.ts';
export { runPlan, type RunOptions } from './run.ts';
