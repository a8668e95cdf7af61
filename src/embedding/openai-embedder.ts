import { OpenAIEmbeddings } from '@langchain/openai'
import { AppError } from '../errors.ts'
import type { Embedder } from './embedder.ts'

export type OpenAIEmbedderOptions = {
  model: string
  baseURL: string
  apiKey?: string
  /** The dimension the store expects; checked against what the model returns, never sent to it. */
  dimension?: number
  /** Texts per request. */
  batchSize?: number
  /** A failed batch is tried again this many times, after retryDelayMs, then twice that, … */
  retries?: number
  retryDelayMs?: number
  /** Told about each retry, for the ingest's progress output. */
  onRetry?: (attempt: number, error: unknown) => void
}

export class EmbeddingDimensionError extends AppError {
  override name = 'EmbeddingDimensionError'
  override code = 'embedding_dimension_mismatch'
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Any OpenAI-compatible /embeddings endpoint (vLLM, Ollama, Xinference, …), through LangChain.
 * Ingest sends texts in batches and retries a failed batch with exponential backoff; a question's
 * embedding is not retried (someone is waiting). `dimensions` is never sent: vLLM rejects it for
 * models without Matryoshka support (bge-m3), and the model's own size is what the store needs.
 */
export async function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Promise<Embedder> {
  const { batchSize = 32, retries = 4, retryDelayMs = 1_000 } = options
  const client = new OpenAIEmbeddings({
    model: options.model,
    apiKey: options.apiKey ?? 'not-needed',
    // Floats are what every compatible server implements; base64 is an OpenAI optimisation.
    encodingFormat: 'float',
    configuration: { baseURL: options.baseURL },
    batchSize,
    maxRetries: 0,
  })
  // The dimension is the model's; asking once is more reliable than trusting configuration.
  const probe = await client.embedQuery('维度')
  const dimension = probe.length
  if (options.dimension !== undefined && options.dimension !== dimension) {
    throw new EmbeddingDimensionError(
      `EMBEDDING_DIMENSION=${options.dimension}，但 ${options.baseURL} 上的模型 "${options.model}" 返回 ${dimension} 维向量。` +
        `请把 EMBEDDING_DIMENSION 改为 ${dimension}（或不设置），然后运行 "npm run ingest -- --reembed" 重新生成全部向量。`,
    )
  }
  const checked = (vectors: number[][], expected: number): number[][] => {
    const wrong = vectors.find((vector) => vector.length !== dimension)
    if (vectors.length !== expected || wrong) {
      throw new EmbeddingDimensionError(
        `向量服务返回了 ${vectors.length} 个向量（应为 ${expected} 个，每个 ${dimension} 维${wrong ? `，实际有 ${wrong.length} 维` : ''}）：` +
          '请检查 EMBEDDING_BASE_URL 是否指向同一个模型。',
      )
    }
    return vectors
  }
  const embedBatch = async (texts: string[]): Promise<number[][]> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return checked(await client.embedDocuments(texts), texts.length)
      } catch (error) {
        if (attempt >= retries || error instanceof EmbeddingDimensionError) throw error
        options.onRetry?.(attempt + 1, error)
        await sleep(retryDelayMs * 2 ** attempt)
      }
    }
  }
  return {
    model: options.model,
    dimension,
    async embedDocuments(texts) {
      const vectors: number[][] = []
      // One batch after another: a local embedding server has one GPU, parallel requests only queue.
      for (let start = 0; start < texts.length; start += batchSize) {
        vectors.push(...(await embedBatch(texts.slice(start, start + batchSize))))
      }
      return vectors
    },
    async embedQuery(text) {
      return checked([await client.embedQuery(text)], 1)[0] as number[]
    },
  }
}
