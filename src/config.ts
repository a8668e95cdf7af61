import { z } from 'zod'

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()))

const ConfigSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Embedded PGlite keeps its files here; also the home of anything else stored locally. */
  DATA_DIR: z.string().default('./data'),
  KNOWLEDGE_DIR: z.string().default('./knowledge'),
  /** Unset → embedded PGlite under DATA_DIR; set → a PostgreSQL server with pgvector. */
  DATABASE_URL: optionalString.pipe(z.string().url().optional()),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),

  EMBEDDING_PROVIDER: z.enum(['local', 'openai']).default('local'),
  EMBEDDING_MODEL: optionalString,
  EMBEDDING_BASE_URL: optionalString.pipe(z.string().url().optional()),
  EMBEDDING_API_KEY: optionalString,
  EMBEDDING_DIMENSION: z.coerce.number().int().min(8).max(4096).optional(),

  /** An OpenAI-compatible endpoint; when LLM_MODEL is unset answers stay extractive. */
  LLM_BASE_URL: optionalString.pipe(z.string().url().optional()),
  LLM_API_KEY: optionalString,
  LLM_MODEL: optionalString,
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
})

export type Config = z.output<typeof ConfigSchema>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Reads and validates the environment once; a bad value names the variable and what it expects. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ConfigSchema.safeParse(env)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`)
  }
  const config = result.data
  if (config.EMBEDDING_PROVIDER === 'openai' && (!config.EMBEDDING_MODEL || !config.EMBEDDING_BASE_URL)) {
    throw new ConfigError(
      'Invalid configuration:\n  EMBEDDING_PROVIDER=openai needs EMBEDDING_MODEL and EMBEDDING_BASE_URL',
    )
  }
  return config
}
