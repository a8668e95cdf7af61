import { type Concept, conceptsOf } from '../answer/evidence.ts'
import type { Vocabulary } from '../retrieval/vocabulary.ts'
import { foldText } from '../text/fold.ts'
import type { Glossary } from '../text/glossary.ts'

// Openings that lean on what was said before: "那需要准备什么材料？", "多久能办好？", "它收费吗？".
const LEANS_ON_CONTEXT =
  /^(那|那么|那个|这个|这种|这样|这|它|他们|还有|还要|另外|然后|如果|要是|那如果|此外|以及|同时)|^(需要|要|得|该)(准备|交|带|提供|多久|多少|什么|怎么|去哪)|^(多久|多长时间|几天|多少钱|费用|收费|在哪|去哪|哪里|怎么办|怎么申请|怎么弄|流程|材料)/

const TOPIC_WORDS = 4

/** The strongest words of an earlier question: what a follow-up is about when it does not say. */
function topicOf(previous: string, glossary: Glossary, vocabulary: Vocabulary): string {
  const concepts = conceptsOf(previous, glossary, vocabulary).filter((concept: Concept) => concept.known)
  return concepts
    .sort((a, b) => b.weight - a.weight)
    .slice(0, TOPIC_WORDS)
    .map((concept) => concept.word)
    .join(' ')
}

export const leansOnContext = (message: string): boolean => LEANS_ON_CONTEXT.test(foldText(message))

/**
 * The question to search for: a follow-up carries the topic of the previous turn with it; a
 * question that stands on its own is searched as asked.
 */
export function withTopicOf(previous: string, message: string, glossary: Glossary, vocabulary: Vocabulary): string {
  const topic = topicOf(previous, glossary, vocabulary)
  return topic ? `${topic} ${message}` : message
}
