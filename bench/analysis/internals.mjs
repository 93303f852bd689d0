// Analysis scripts reach into the packages' built files (dist/) to time the pieces of a figure. These paths are
// internals of other packages: when they move, fix the path here; the figures themselves use public APIs only.

/** `import()` of `file` inside the dist/ folder of `pkg` (resolved from the package's main entry). */
export function internal(pkg, file) {
  return import(new URL(file, import.meta.resolve(pkg)).href)
}
