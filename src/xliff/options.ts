/** Options for the XLIFF writers. Both writers are pure: same document and options, same bytes. */
export interface XliffWriteOptions {
  /** Written in the 1.2 `<tool tool-version>`; omitted when not given (the CLI passes the package version). */
  toolVersion?: string;
}

/** Tool identity in 1.2 `<header><tool>` and the `tool-id` that marks Versio's own `<alt-trans>`. */
export const TOOL_ID = 'versio';
export const TOOL_NAME = 'Versio';
