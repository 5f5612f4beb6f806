import { packageManifest } from './package-root.js';

/** The package version, from Versio's package.json. */
export const version: string = packageManifest.version;
