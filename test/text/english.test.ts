import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_UNTRANSLATED_SHARE } from '../../src/answer/tuning.ts'
import {
  ENGLISH_TERMS_FILE,
  type EnglishTerms,
  loadEnglishTerms,
  toChineseQuestion,
  untranslatedShare,
} from '../../src/text/english.ts'

const terms: EnglishTerms = [
  ['order no 75', '75号令'],
  ['check whether', '核实'],
  ['take effect', '施行'],
  ['genuine', '真伪'],
  ['check', '检定'],
  ['complain', '投诉'],
  ['when i', ''],
  ['when', '什么时候'],
]

describe('an English question in the documents’ Chinese', () => {
  it('reads the abbreviation of a number as part of the name, not the end of a clause', () => {
    expect(toChineseQuestion('when did order no. 75 take effect?', terms)).toBe('什么时候 75号令施行')
    expect(untranslatedShare('when did order no. 75 take effect?', terms)).toBe(0)
  })

  it('reads a contraction as its words, not as letters left untranslated', () => {
    // "won't" is "will not", "we're" is "we are", the possessive's 's nothing: all function words.
    expect(untranslatedShare("won't they check whether it's genuine? we're", terms)).toBe(0)
    expect(untranslatedShare("isn't the order no 75's check genuine? can't it take effect?", terms)).toBe(0)
  })

  it('keeps a stop before a space as the end of a clause', () => {
    expect(toChineseQuestion('when. take effect', terms)).toBe('什么时候，施行')
  })

  it('takes the longest phrase first: checking whether a paper is genuine is no verification', () => {
    expect(toChineseQuestion('how do i check whether a certificate is genuine?', terms)).toBe('核实真伪')
  })

  it('reads a plural as the list has the singular', () => {
    const nouns: EnglishTerms = [
      ['inspection', '检查'],
      ['activity', '活动'],
      ['fee', '费用'],
    ]
    expect(toChineseQuestion('inspections', nouns)).toBe('检查')
    expect(toChineseQuestion('activities and fees', nouns)).toBe('活动费用')
    // A word that only ends in s is left as it is.
    expect(untranslatedShare('business', nouns)).toBe(1)
  })

  it('drops a phrase listed with no Chinese: "when I" tells a time, it asks none', () => {
    expect(toChineseQuestion('what to check when i complain?', terms)).toBe('检定投诉')
    expect(toChineseQuestion('when did i complain?', terms)).toBe('什么时候投诉')
  })
})

describe('the knowledge folder’s English term list', () => {
  const list = loadEnglishTerms(join(import.meta.dirname, '../../knowledge', ENGLISH_TERMS_FILE))

  it('understands everyday English asks about the guides: few of their words are left untranslated', () => {
    for (const question of [
      'is ccc exemption possible for equipment used only in our lab?',
      'what should a company do after getting iso 9001 certified?',
      'can someone else file a complaint for me?',
      'are there any events for ordinary citizens during quality month?',
      'when was the outline on building a quality powerhouse issued?',
      'my complaint was rejected. why?',
      'my electronic scale broke and was repaired. does it need to be verified again?',
      'what should i bring when i go to complain?',
      'who supervises certification bodies?',
      'what must the main person in charge do under order 76?',
      'when is quality month held?',
      'how can small companies improve quality?',
      'can i complain about something i bought four years ago?',
      'what pass rate for food sampling inspections does the national quality outline aim for by 2025?',
      'which activities are organised for residents during quality month?',
      'is there a fee for verifying a scale?',
      'where can i verify my scale?',
      'which situations qualify for ccc exemption?',
      'what is the difference between a complaint and a report?',
    ]) {
      expect(untranslatedShare(question, list), question).toBeLessThanOrEqual(MAX_UNTRANSLATED_SHARE)
    }
  })
})
