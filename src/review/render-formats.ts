/** What `versio render` can write; its own module so the CLI lists them without loading the renderers. */
export const RENDER_FORMATS = ['txt', 'md', 'json', 'html'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];
