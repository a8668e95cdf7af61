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
  ['when', '什么时候'],
]

describe('an English question in the documents’ Chinese', () => {
  it('reads the abbreviation of a number as part of the name, not the end of a clause', () => {
    expect(toChineseQuestion('when did order no. 75 take effect?', terms)).toBe('什么时候 75号令施行')
    expect(untranslatedShare('when did order no. 75 take effect?', terms)).toBe(0)
  })

  it('keeps a stop before a space as the end of a clause', () => {
    expect(toChineseQuestion('when. take effect', terms)).toBe('什么时候，施行')
  })

  it('takes the longest phrase first: checking whether a paper is genuine is no verification', () => {
    expect(toChineseQuestion('how do i check whether a certificate is genuine?', terms)).toBe('核实真伪')
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
    ]) {
      expect(untranslatedShare(question, list), question).toBeLessThanOrEqual(MAX_UNTRANSLATED_SHARE)
    }
  })
})
