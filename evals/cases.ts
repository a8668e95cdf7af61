import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { AUDIENCES, INTENTS } from '../src/routing/intents.ts'

export const CASES_DIR = fileURLToPath(new URL('./cases/', import.meta.url))

/** dev: the only cases weights and rules may be tuned on; test: reported and gated, never tuned on. */
export const SPLITS = ['dev', 'test'] as const
export type Split = (typeof SPLITS)[number]

/** A pattern that must compile: a typo in a gold file should stop the run, not silently never match. */
const pattern = z.string().refine(
  (source) => {
    try {
      new RegExp(source)
      return true
    } catch {
      return false
    }
  },
  { message: 'not a valid regular expression' },
)

const CaseSchema = z
  .strictObject({
    id: z.string().min(1),
    /** Assigned once by evals/split.ts. */
    split: z.enum(SPLITS, { message: 'missing or unknown split: run npx tsx evals/split.ts' }),
    /**
     * The day a case was written after the split was drawn: such a case is dev (to be tuned on), and
     * stays out of the "original" floor, which was measured on the cases of its files before it.
     */
    added: z.iso.date().optional(),
    audience: z.enum(AUDIENCES),
    question: z.string().min(1),
    /** Earlier user messages, sent first in the same session. */
    history: z.array(z.string().min(1)).optional(),
    intent: z.enum(INTENTS),
    /** Whether the documents answer it; false means the assistant should refuse (or decline). */
    grounded: z.boolean(),
    docId: z.string().min(1).optional(),
    /** Regex over `${section} ${locator}` of a passage that answers the question. */
    section: pattern.optional(),
    /** Every one of these must match the answer. */
    mustContain: z.array(pattern).optional(),
    /**
     * Every one of these must match the answer's lead (its first paragraph, the bold line a user reads
     * first): for an answer that quotes a whole list, mustContain cannot tell a right lead from a wrong one.
     */
    mustLead: z.array(pattern).optional(),
    note: z.string().optional(),
  })
  .refine((c) => !c.grounded || (c.docId !== undefined && c.section !== undefined), {
    message: 'a grounded case needs docId and section',
  })
  .refine((c) => c.added === undefined || c.split === 'dev', {
    message: 'a case added after the split was drawn is a dev case: the test split stays as drawn',
  })

/** One gold case, with where it came from so that a report can point at it. */
export type EvalCase = z.output<typeof CaseSchema> & { file: string; line: number }

export class CaseFileError extends Error {
  override name = 'CaseFileError'
}

/** Parses one .jsonl file; a bad line throws with `file:line` and what is wrong with it. */
export function parseCaseFile(path: string, text: string): EvalCase[] {
  const file = basename(path)
  const cases: EvalCase[] = []
  for (const [index, raw] of text.split('\n').entries()) {
    if (raw.trim() === '') continue
    const where = `${path}:${index + 1}`
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch (error) {
      throw new CaseFileError(`${where}: not valid JSON (${(error as Error).message})`)
    }
    const result = CaseSchema.safeParse(json)
    if (!result.success) {
      const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(case)'}: ${issue.message}`)
      throw new CaseFileError(`${where}: ${problems.join('; ')}`)
    }
    cases.push({ ...result.data, file, line: index + 1 })
  }
  return cases
}

/**
 * Every case under `dir`, file by file in name order. `filter` keeps the cases whose id or file
 * name contains it. Duplicate ids throw: reports and comparisons are keyed by id.
 */
export function loadCases(options: { dir?: string; filter?: string } = {}): EvalCase[] {
  const dir = options.dir ?? CASES_DIR
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
  const all = files.flatMap((name) => parseCaseFile(join(dir, name), readFileSync(join(dir, name), 'utf8')))
  const seen = new Map<string, EvalCase>()
  for (const c of all) {
    const first = seen.get(c.id)
    if (first) throw new CaseFileError(`${c.file}:${c.line}: id "${c.id}" already used at ${first.file}:${first.line}`)
    seen.set(c.id, c)
  }
  const filter = options.filter
  return filter ? all.filter((c) => c.id.includes(filter) || c.file.includes(filter)) : all
}
