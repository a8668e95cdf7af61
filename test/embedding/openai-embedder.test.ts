import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ingestKnowledge } from '../../ingest/pipeline.ts'
import { createPgliteDb, type Db, migrate } from '../../src/db/index.ts'
import { EmbeddingDimensionError } from '../../src/embedding/index.ts'
import { createOpenAIEmbedder } from '../../src/embedding/openai-embedder.ts'
import { prepareQuestion } from '../../src/query/prepare-question.ts'
import { loadLexicalIndex } from '../../src/retrieval/lexical-index.ts'
import { searchEach } from '../../src/retrieval/search.ts'
import { loadVectorIndex } from '../../src/retrieval/vector-index.ts'
import { createVocabulary } from '../../src/retrieval/vocabulary.ts'
import { type EmbeddingShape, type FakeOpenAI, startFakeOpenAI } from '../support/fake-openai.ts'

const texts = Array.from({ length: 40 }, (_, i) => `第${i + 1}条 计量器具强制检定的申请材料之${i}`)

describe('OpenAI-compatible embeddings (fake vLLM, Ollama and Xinference endpoints)', () => {
  let fake: FakeOpenAI
  beforeAll(async () => {
    fake = await startFakeOpenAI()
  })
  afterAll(() => fake.close())
  beforeEach(() => {
    fake.embeddings.batches.length = 0
    fake.embeddings.failures.length = 0
    fake.embeddings.dimension = 1024
  })

  const embedder = (options: { dimension?: number; retries?: number; onRetry?: () => void } = {}) =>
    createOpenAIEmbedder({ model: 'bge-m3', baseURL: fake.url, batchSize: 16, retryDelayMs: 20, ...options })

  it.each<EmbeddingShape>(['vllm', 'ollama', 'xinference'])(
    'reads the %s response shape: 1024 dimensions, in batches, the same vector for a document and a query',
    async (shape) => {
      fake.embeddings.shape = shape
      const bgeM3 = await embedder({ dimension: 1024 })
      expect(bgeM3.dimension).toBe(1024)
      const vectors = await bgeM3.embedDocuments(texts)
      expect(vectors).toHaveLength(40)
      expect(vectors.every((vector) => vector.length === 1024)).toBe(true)
      // The probe, then 16 + 16 + 8.
      expect(fake.embeddings.batches.map((batch) => batch.length)).toEqual([1, 16, 16, 8])
      expect(await bgeM3.embedQuery(texts[17] as string)).toEqual(vectors[17])
    },
  )

  it('retries a failed batch with backoff during ingest, and gives up after the retries', async () => {
    const retries: number[] = []
    const bgeM3 = await embedder({ retries: 2, onRetry: () => retries.push(Date.now()) })
    fake.embeddings.failures.push(503, 500)
    expect(await bgeM3.embedDocuments(texts.slice(0, 3))).toHaveLength(3)
    expect(retries).toHaveLength(2)
    fake.embeddings.failures.push(503, 503, 503)
    await expect(bgeM3.embedDocuments(texts.slice(0, 3))).rejects.toThrow()
  })

  it('names the mismatch and the re-embed command when the model’s dimension is not the configured one', async () => {
    fake.embeddings.dimension = 768
    const failure = embedder({ dimension: 1024 })
    await expect(failure).rejects.toThrow(EmbeddingDimensionError)
    await expect(failure).rejects.toThrow(/768 维.*EMBEDDING_DIMENSION.*npm run ingest -- --reembed/)
  })

  describe('ingest and search with the served model', () => {
    let db: Db
    beforeAll(async () => {
      db = await createPgliteDb()
      await migrate(db)
    })
    afterAll(() => db.close())

    it('ingests through a failing batch, searches, and refuses a model of another dimension until re-embedded', async () => {
      fake.embeddings.shape = 'vllm'
      const bgeM3 = await embedder()
      fake.embeddings.failures.push(503)
      const summary = await ingestKnowledge({ db, embedder: bgeM3, dir: 'knowledge' })
      expect(summary.files.every((file) => file.status !== 'failed')).toBe(true)
      const [found = []] = await searchEach(
        // No catalogue loaded: the chunks found are read as those another instance added since.
        {
          db,
          embedder: bgeM3,
          lexicon: await loadLexicalIndex(db),
          passages: new Map(),
          vectors: await loadVectorIndex(db),
        },
        [prepareQuestion('电子秤年检', { glossary: { groups: [], english: [] }, vocabulary: createVocabulary([]) })],
        {
          limit: 5,
          mode: 'vector',
        },
      )
      expect(found.length).toBeGreaterThan(0)
      expect(found[0]?.analysis.sentences.length).toBeGreaterThan(0)

      fake.embeddings.dimension = 768
      const smaller = await createOpenAIEmbedder({ model: 'bge-small-zh', baseURL: fake.url })
      await expect(ingestKnowledge({ db, embedder: smaller, dir: 'knowledge' })).rejects.toThrow(
        /1024 维.*npm run ingest -- --reembed/,
      )
      expect((await ingestKnowledge({ db, embedder: smaller, dir: 'knowledge', reembed: true })).reembedded).toBe(true)
    })
  })
})
