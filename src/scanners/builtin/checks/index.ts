import type { Check } from '../check.js';
import type { RepositoryCheck } from '../repository-check.js';
import { actionsUnpinned } from './actions-unpinned.js';
import { agentConfigRisk } from './agent-config-risk.js';
import { agentWorkflowUntrustedPrompt } from './agent-workflow-untrusted-prompt.js';
import { aiInstructionsInjection } from './ai-instructions-injection.js';
import { aiInstructionsIntegrity } from './ai-instructions-integrity.js';
import { aiInstructionsNoSecurityGuidance } from './ai-instructions-no-security-guidance.js';
import { containerUnpinned } from './container-unpinned.js';
import { dockerfileRemoteCode } from './dockerfile-remote-code.js';
import { createDependencyHallucinationCheck } from './dependency-hallucination.js';
import { workflowInjection } from './workflow-injection.js';
import { workflowLiteralSecret } from './workflow-literal-secret.js';
import { workflowPermissions } from './workflow-permissions.js';
import { workflowPrTargetCheckout } from './workflow-pr-target-checkout.js';

/** Every builtin check; adding one is one file under checks/, one under data/checks/ and one line here. */
export const ALL_CHECKS: readonly Check[] = [
  actionsUnpinned,
  workflowInjection,
  workflowPrTargetCheckout,
  workflowPermissions,
  workflowLiteralSecret,
  agentWorkflowUntrustedPrompt,
  agentConfigRisk,
  containerUnpinned,
  dockerfileRemoteCode,
  aiInstructionsIntegrity,
  aiInstructionsInjection,
  aiInstructionsNoSecurityGuidance,
];

/** Checks over the whole repository at once (and the network), run beside the per-file pass. */
export const REPOSITORY_CHECKS: readonly RepositoryCheck[] = [createDependencyHallucinationCheck()];
