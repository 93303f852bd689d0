/** A node of the schema compiler's IR (scripts/codegen/schema-ir.mjs). */
export type SchemaIr = { readonly kind: string } & Readonly<Record<string, unknown>>

/** What a value must be, in words: "an integer ≥ 0", "one of file, dir". */
export function describe(ir: SchemaIr, irs: ReadonlyMap<string, SchemaIr>): string
