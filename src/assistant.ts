import { join } from 'node:path'
import { createLlm } from './answer/llm.ts'
import type { Config } from './config.ts'
import type { ChatDeps } from './conversation/turn.ts'
import type { Db } from './db/index.ts'
import type { Embedder } from './embedding/index.ts'
import { loadFaqIndex } from './faq/faq-index.ts'
import { offeredNotifyChannels } from './notify/worker.ts'
import { loadChunkCatalogue } from './retrieval/chunks-repo.ts'
import { watchKnowledgeVersion } from './retrieval/knowledge-version.ts'
import { createLexicalIndex, loadLexicalIndex } from './retrieval/lexical-index.ts'
import { loadVectorIndex } from './retrieval/vector-index.ts'
import { createVocabulary, vocabularyOf } from './retrieval/vocabulary.ts'
import { createIntentClassifier, loadLabelledExamples, TRAINING_SET_PATH } from './routing/classify-intent.ts'
import { createRoutingClassifier } from './routing/llm-classifier.ts'
import { GLOSSARY_FILE, loadGlossary } from './text/glossary.ts'
import { workCalendarOf } from './tickets/sla.ts'

/**
 * Everything a chat turn needs, assembled once; `refresh` re-reads what ingest, uploads and FAQ
 * approvals change, and `syncKnowledge` (of ChatDeps) does so when another instance (or this one) changed it.
 */
export type Assistant = ChatDeps & { refresh(): Promise<void> }

export async function createAssistant(config: Config, db: Db, embedder: Embedder): Promise<Assistant> {
  const llm = createLlm(config)
  const knowledge = await watchKnowledgeVersion(db)
  let loadedVersion = -1
  let reloading: Promise<void> | null = null
  const assistant: Assistant = {
    db,
    embedder,
    llm,
    glossary: loadGlossary(join(config.KNOWLEDGE_DIR, GLOSSARY_FILE)),
    calendar: workCalendarOf(config),
    notifyChannels: offeredNotifyChannels(config),
    // Empty until the store is ready; main calls refresh() after migrations and ingest.
    vocabulary: createVocabulary([]),
    lexicon: createLexicalIndex([]),
    passages: new Map(),
    vectors: { ids: [], vectors: [], norms: [] },
    classifier: createRoutingClassifier({
      offline: createIntentClassifier(loadLabelledExamples(TRAINING_SET_PATH)),
      llm,
      timeoutMs: config.LLM_TIMEOUT_MS,
    }),
    llmTiming: {
      budgetMs: config.LLM_TURN_BUDGET_MS,
      firstTokenMs: config.LLM_FIRST_TOKEN_TIMEOUT_MS,
      stallMs: config.LLM_STALL_TIMEOUT_MS,
      callCapMs: config.LLM_TIMEOUT_MS,
    },
    async refresh() {
      // Read first: a change committed while loading leaves the version behind, so the next turn reloads.
      const version = await knowledge.current()
      assistant.passages = await loadChunkCatalogue(db)
      assistant.vocabulary = vocabularyOf(assistant.passages.values())
      assistant.lexicon = await loadLexicalIndex(db)
      assistant.vectors = await loadVectorIndex(db)
      assistant.faqs = await loadFaqIndex(assistant)
      loadedVersion = version
    },
    knowledgeToCheck: () => (knowledge.shared && loadedVersion >= 0 ? loadedVersion : null),
    async syncKnowledge(seen?: number) {
      if (await knowledge.isCurrent(loadedVersion, seen)) return
      // Concurrent turns share one reload instead of each starting its own.
      reloading ??= assistant.refresh().finally(() => {
        reloading = null
      })
      await reloading
    },
  }
  return assistant
}
