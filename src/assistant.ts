import { join } from 'node:path'
import { createLlm } from './answer/llm.ts'
import type { Config } from './config.ts'
import type { ChatDeps } from './conversation/turn.ts'
import type { Db } from './db/index.ts'
import type { Embedder } from './embedding/index.ts'
import { offeredNotifyChannels } from './notify/worker.ts'
import { createVocabulary, loadVocabulary } from './retrieval/vocabulary.ts'
import { createIntentClassifier, loadLabelledExamples, TRAINING_SET_PATH } from './routing/classify-intent.ts'
import { createRoutingClassifier } from './routing/llm-classifier.ts'
import { GLOSSARY_FILE, loadGlossary } from './text/glossary.ts'
import { workCalendarOf } from './tickets/sla.ts'

/** Everything a chat turn needs, assembled once; `refresh` re-reads what ingest changes. */
export type Assistant = ChatDeps & { refresh(): Promise<void> }

export async function createAssistant(config: Config, db: Db, embedder: Embedder): Promise<Assistant> {
  const llm = createLlm(config)
  const assistant: Assistant = {
    db,
    embedder,
    llm,
    glossary: loadGlossary(join(config.KNOWLEDGE_DIR, GLOSSARY_FILE)),
    calendar: workCalendarOf(config),
    notifyChannels: offeredNotifyChannels(config),
    // Empty until the store is ready; main calls refresh() after migrations and ingest.
    vocabulary: createVocabulary([]),
    classifier: createRoutingClassifier({
      offline: createIntentClassifier(loadLabelledExamples(TRAINING_SET_PATH)),
      llm,
      timeoutMs: config.LLM_TIMEOUT_MS,
    }),
    async refresh() {
      assistant.vocabulary = await loadVocabulary(db)
    },
  }
  return assistant
}
