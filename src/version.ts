import pkg from '../package.json' with { type: 'json' };

export const VOUCH_VERSION: string = pkg.version;
