import { z } from 'zod'

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()))

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
)

// Dates of the working-day calendar; a typo must stop the start, not shift every deadline silently.
const dateList = commaList.pipe(
  z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'dates as YYYY-MM-DD, comma-separated' })),
)

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
  /** At start, how many more times to try a PostgreSQL server that does not answer (it may be starting too). */
  DB_CONNECT_RETRIES: z.coerce.number().int().min(0).max(100).default(10),
  /** The first wait between those tries; it doubles each time, up to 30 s. */
  DB_CONNECT_RETRY_DELAY_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),

  EMBEDDING_PROVIDER: z.enum(['local', 'openai']).default('local'),
  EMBEDDING_MODEL: optionalString,
  EMBEDDING_BASE_URL: optionalString.pipe(z.string().url().optional()),
  EMBEDDING_API_KEY: optionalString,
  EMBEDDING_DIMENSION: z.coerce.number().int().min(8).max(4096).optional(),
  /** Texts per /embeddings request during ingest; servers such as vLLM limit a request's tokens. */
  EMBEDDING_BATCH_SIZE: z.coerce.number().int().min(1).max(2048).default(32),
  /** During ingest a failed batch is tried again this many times, waiting 1×, 2×, 4×… the delay. */
  EMBEDDING_RETRIES: z.coerce.number().int().min(0).max(10).default(4),
  EMBEDDING_RETRY_DELAY_MS: z.coerce.number().int().min(1).max(60_000).default(1_000),

  /** An OpenAI-compatible endpoint; when LLM_MODEL is unset answers stay extractive. */
  LLM_BASE_URL: optionalString.pipe(z.string().url().optional()),
  LLM_API_KEY: optionalString,
  LLM_MODEL: optionalString,
  /** The most one non-streamed call (intent, follow-up rewriting) may take of the turn's budget. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** One deadline per chat turn, shared by every model call in it; a local 14B model writes ~20 tokens/s. */
  LLM_TURN_BUDGET_MS: z.coerce.number().int().min(500).max(600_000).default(60_000),
  /** No first token of the answer by then → the extractive answer, before the user has waited long. */
  LLM_FIRST_TOKEN_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(8_000),
  /** A stream that sends no token for this long is ended and the extractive answer used. */
  LLM_STALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(5_000),

  /** Per client address, shared by every instance on the database; 0 turns a limit off. */
  CHAT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  TICKET_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(0).default(10),
  LOOKUP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  MESSAGE_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(0).default(30),
  FEEDBACK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  LOGIN_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(0).default(20),
  /** Addresses never limited. None by default: exempting loopback would exempt everyone behind a local proxy. */
  RATE_LIMIT_ALLOWLIST: commaList.default([]),
  /**
   * The reverse proxy in front, as addresses or CIDRs (comma list): the client address is then read
   * from X-Forwarded-For, which per-client limits need. Never "true": anyone could claim any address.
   */
  TRUST_PROXY: optionalString.pipe(
    z
      .string()
      .refine((value) => value !== 'true', { message: 'name the proxy addresses, e.g. 127.0.0.1, not "true"' })
      .optional(),
  ),
  /** Working-day calendar for ticket deadlines (国务院办公厅 holiday notice of the year). */
  PUBLIC_HOLIDAYS: dateList.default([]),
  MAKEUP_WORKDAYS: dateList.default([]),
  /** Notifications: e-mail through SMTP and/or a JSON webhook (SMS gateway, WeCom relay); unset → off. */
  NOTIFY_SMTP_URL: optionalString.pipe(z.string().url().optional()),
  NOTIFY_EMAIL_FROM: z.string().default('浦东新区质量服务 <noreply@localhost>'),
  NOTIFY_WEBHOOK_URL: optionalString.pipe(z.string().url().optional()),
  NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  NOTIFY_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** Staff get one reminder through the webhook when a ticket's next deadline is this close; 0 → none. */
  NOTIFY_REMINDER_HOURS: z.coerce.number().min(0).max(240).default(4),
  /** Time for a request's headers and body to arrive in full; a slower client gets 408 and is closed. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** A connection with no traffic for this long is closed (also one whose request is still being answered). */
  CONNECTION_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  /** How long an idle keep-alive connection stays open between requests. */
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** Open connections per client address (TRUST_PROXY addresses exempt); more are closed at once. */
  MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(1).max(100_000).default(64),
  /** Ingest limits (ingest/limits.ts): a knowledge file above them is reported and skipped. */
  INGEST_MAX_FILE_MB: z.coerce.number().positive().max(1024).default(20),
  INGEST_PDF_MAX_PAGES: z.coerce.number().int().min(1).max(100_000).default(500),
  INGEST_PDF_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  INGEST_PDF_MAX_MEMORY_MB: z.coerce.number().int().min(64).max(16_384).default(512),
  /** Origins allowed to call the API from a browser (comma list); unset → no CORS headers at all. */
  CORS_ORIGINS: commaList
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin)))
    .default([]),

  /** On a store without an admin, the server creates `admin` with this password (at least 12 characters). */
  ADMIN_INITIAL_PASSWORD: optionalString.pipe(
    z.string().min(12, { message: 'at least 12 characters' }).max(200).optional(),
  ),
  /** A staff sign-in ends after this long without a request … */
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  /** … and after this long in any case. */
  STAFF_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  /** Failed sign-ins for one account name, then for one client address, before a timed lock-out. */
  STAFF_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  STAFF_LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(1000).default(20),
  /** How long failures count and how long a lock lasts. */
  STAFF_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** The session cookie's Secure flag: auto = when the request came over https (X-Forwarded-Proto from TRUST_PROXY). */
  STAFF_COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
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
