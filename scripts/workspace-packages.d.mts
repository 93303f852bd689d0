// Types of workspace-packages.mjs for the tests.
export const root: string
export interface WorkspacePackage {
  readonly name: string
  readonly dir: string
  readonly manifest: {
    readonly bin?: string | Record<string, string>
    readonly dependencies?: Record<string, string>
  } & Record<string, unknown>
  readonly entries: { readonly subpath: string; readonly types: string }[]
  /** Subpath patterns (`./operations/*`), whose modules the index exports too. */
  readonly patterns: string[]
}
export function publishedPackages(): WorkspacePackage[]
