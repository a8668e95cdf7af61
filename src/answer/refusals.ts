/**
 * Why a question was not answered from the documents: each gate has a name, stored with the turn
 * (`chat_turns.refusal_reason`), logged, and listed by the eval's per-case misses.
 */
export const REFUSAL_REASONS = {
  'no-passages': 'nothing was retrieved for the question',
  untranslated: 'an English question most of whose words the term list could not translate',
  'missing-identifier': 'the question names a year, code or Latin name the passage does not mention',
  'unknown-terms': 'most of the question is in words the documents never use',
  'unknown-matter': 'a clause of the question asks about nothing but things no document names',
  'low-coverage': 'the best passage covers too little of the question',
  'unnamed-audience':
    'an activity asked as held for a kind of person no document names (专门给老年人办的讲座): the activities for everyone do not answer it',
  'listed-only':
    'the passage names what is asked only as an item of a list (医院 in 学校、托幼机构、医院、养老院): it is about something else',
  'false-grounding': 'too little of what the question is about is named by the passage',
  'other-document': 'the question names a document by its title, and the passage is from another one',
  'no-typed-fact': 'the question asks for a kind of fact (amount, phone, date, duration …) the passage does not give',
  'other-event':
    'a how-long asked until an outcome (多久能拿回来) whose passages time only other events (检定周期, 有效期)',
  'other-matter':
    'a question about a licence, certificate, verification or filing names a thing the passage does not: it tells of a look-alike matter',
  'no-procedure': 'a how-to question (怎么申报 …) whose passage does not speak of that doing',
  'no-consequence':
    'a question on the penalty for a breach (会怎么处罚, 罚多少) whose passage tells no penalty, order or other consequence',
  'other-place':
    'the question asks about another district or city (闵行, 北京) than the one the passage’s document is for (浦东, 上海)',
  'unsaid-doing':
    'the passage tells of the matter asked about, not of the doing asked: whether, where or with whom it may be done (撤回, 仲裁, 延期 …)',
  'unsaid-aspect':
    'the question asks a kind of fact the guides rarely state (a reward, secrecy, a fee, a payout time, a signer, a venue …) and the passage does not state it',
  'unsaid-alternative':
    'an either/or question (打电话还是发短信) whose passage names neither alternative where it speaks of what is asked',
  'weak-quote': 'the quotable span itself does not say what was asked',
  'unjudged-case':
    'an owner asks whether a rule reaches their case (…这种能不做3C吗), and the passage says nothing of the case: it only tells what the rule is',
  'coverage-gap': 'the document says it does not cover this',
  'article-not-covered': 'the summary of the named order does not include that article',
  'beyond-summary':
    "an aspect of an order that only its later articles treat (qualifications, training, penalties …), which its summary's passage does not say",
  partial: 'answered in part: some asks of the question are answered, and the answer names those that are not',
  'out-of-scope': 'not a question for this service, and no document answers it',
} as const

export type RefusalReason = keyof typeof REFUSAL_REASONS

export const REFUSAL_REASON_NAMES = Object.keys(REFUSAL_REASONS) as [RefusalReason, ...RefusalReason[]]
