/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** A collector's event ingest URL; unset, the demo sends events nowhere but its own panels. */
  readonly VITE_UPGRADEKIT_COLLECTOR?: string;
}
