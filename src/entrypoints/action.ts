import { runAction } from '../action/run.js';
import { VOUCH_ROOT } from '../paths.js';
import { VOUCH_VERSION } from '../version.js';

await runAction({ vouchRoot: VOUCH_ROOT, vouchVersion: VOUCH_VERSION });
