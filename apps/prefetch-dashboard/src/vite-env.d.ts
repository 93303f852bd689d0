/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `demo` (default) or `live`; `?mode=` in the page's address wins. Set by `vite --mode live` (.env.live). */
  readonly VITE_UCDN_MODE?: string
}
