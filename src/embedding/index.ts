import type { Config } from '../config.ts'
import type { Embedder } from './embedder.ts'
import { createLocalEmbedder } from './local-embedder.ts'
import { createOpenAIEmbedder } from './openai-embedder.ts'

export type { Embedder } from './embedder.ts'
export { EmbeddingSpaceMismatchError, ensureEmbeddingSpace } from './embedding-space.ts'
export { createLocalEmbedder } from './local-embedder.ts'
export { EmbeddingDimensionError } from './openai-embedder.ts'

/** `onRetry`: told when a batch of an OpenAI-compatible server failed and is tried again. */
export function createEmbedder(
  config: Config,
  options: { onRetry?: (attempt: number, error: unknown) => void } = {},
): Promise<Embedder> {
  if (config.EMBEDDING_PROVIDER === 'openai') {
    return createOpenAIEmbedder({
      model: config.EMBEDDING_MODEL as string,
      baseURL: config.EMBEDDING_BASE_URL as string,
      apiKey: config.EMBEDDING_API_KEY,
      dimension: config.EMBEDDING_DIMENSION,
      batchSize: config.EMBEDDING_BATCH_SIZE,
      retries: config.EMBEDDING_RETRIES,
      retryDelayMs: config.EMBEDDING_RETRY_DELAY_MS,
      onRetry: options.onRetry,
    })
  }
  return Promise.resolve(createLocalEmbedder(config.EMBEDDING_DIMENSION))
}
