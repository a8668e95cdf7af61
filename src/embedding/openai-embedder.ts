import { OpenAIEmbeddings } from '@langchain/openai'
import type { Embedder } from './embedder.ts'

export type OpenAIEmbedderOptions = {
  model: string
  baseURL: string
  apiKey?: string
  dimension?: number
}

/** Any OpenAI-compatible /embeddings endpoint, through LangChain. */
export async function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Promise<Embedder> {
  const client = new OpenAIEmbeddings({
    model: options.model,
    apiKey: options.apiKey ?? 'not-needed',
    dimensions: options.dimension,
    // Floats are what every compatible server implements; base64 is an OpenAI optimisation.
    encodingFormat: 'float',
    configuration: { baseURL: options.baseURL },
    maxRetries: 2,
  })
  // The dimension is the model's; asking once is more reliable than trusting configuration.
  const probe = await client.embedQuery('维度')
  return {
    model: options.model,
    dimension: probe.length,
    embedDocuments: (texts) => client.embedDocuments(texts),
    embedQuery: (text) => client.embedQuery(text),
  }
}
