/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Set by .storybook/main.ts where the dev server mounts the proxy: a description of its upstream. */
  readonly HIDREAM_DEV_PROXY?: string;
}
