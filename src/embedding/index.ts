import type { Config } from '../config.ts'
import type { Embedder } from './embedder.ts'
import { createLocalEmbedder } from './local-embedder.ts'
import { createOpenAIEmbedder } from './openai-embedder.ts'

export type { Embedder } from './embedder.ts'
export { EmbeddingSpaceMismatchError, ensureEmbeddingSpace } from './embedding-space.ts'
export { createLocalEmbedder } from './local-embedder.ts'

export function createEmbedder(config: Config): Promise<Embedder> {
  if (config.EMBEDDING_PROVIDER === 'openai') {
    return createOpenAIEmbedder({
      model: config.EMBEDDING_MODEL as string,
      baseURL: config.EMBEDDING_BASE_URL as string,
      apiKey: config.EMBEDDING_API_KEY,
      dimension: config.EMBEDDING_DIMENSION,
    })
  }
  return Promise.resolve(createLocalEmbedder(config.EMBEDDING_DIMENSION))
}
