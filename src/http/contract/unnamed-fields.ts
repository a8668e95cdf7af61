import type { z } from 'zod'

/**
 * The fields of a domain value that a response schema does not name, as dotted paths (`never`
 * when it names them all). The serializer parses every reply with its schema, and a zod object
 * drops what it does not name without a word: a field added to a domain type but not to its
 * schema would silently vanish from the wire. Each contract module checks its schemas with
 * `NoneUnnamed<Unnamed<typeof Schema, DomainType>>`, so that becomes a compile error instead.
 * Types are not compared here: the type provider already checks what a handler returns against
 * the schema's input.
 */
export type Unnamed<Schema extends z.ZodType, Domain> = Missing<Domain, NonNullable<z.output<Schema>>>

/** Fails to compile, naming the fields, unless nothing is unnamed. */
export type NoneUnnamed<Fields extends never> = Fields

type Missing<Domain, Wire> = Domain extends Date
  ? never
  : Domain extends readonly (infer Item)[]
    ? Wire extends readonly (infer WireItem)[]
      ? Missing<Item, NonNullable<WireItem>>
      : never
    : Domain extends object
      ? {
          [K in keyof Domain]-?: K extends keyof Wire
            ? Prefixed<K, Missing<Domain[K], NonNullable<Wire[K]>>>
            : K & string
        }[keyof Domain]
      : never

type Prefixed<K, Path> = [Path] extends [never] ? never : `${K & string}.${Path & string}`
