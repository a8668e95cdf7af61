import { describe, expect, it } from 'vitest'
import { readPinyin, soundIndexOf, spellingOf } from '../../src/text/sounds.ts'
import { questionsOver } from '../support/questions.ts'

const texts = ['开展质量月活动，宣传质量强国建设纲要', '上海实施方案明确质量目标', '推动方案实施']

describe('a word typed in pinyin', () => {
  it('is spelled without tones, syllables run together', () => {
    expect(spellingOf('质量')).toBe('zhiliang')
  })

  it('is read as the word of the texts spelled so, the most frequent one when several are', () => {
    const index = soundIndexOf(texts)
    expect(index.get('zhiliang')).toBe('质量')
    expect(index.get('shishi')).toBe('实施')
    const read = (folded: string) => readPinyin(folded, (spelled) => index.get(spelled) ?? null)
    expect(read('zhiliang月有啥活动')).toBe('质量月有啥活动')
    expect(read('上海shishi方案')).toBe('上海实施方案')
  })

  it('leaves codes, letters glued to digits, short runs, unknown spellings and English questions as typed', () => {
    const index = soundIndexOf(texts)
    const read = (folded: string) => readPinyin(folded, (spelled) => index.get(spelled) ?? null)
    expect(read('iso9001证书管几年')).toBe('iso9001证书管几年')
    expect(read('cnas认可是什么')).toBe('cnas认可是什么')
    expect(read('那个app怎么用')).toBe('那个app怎么用')
    expect(read('wechat上能投诉吗')).toBe('wechat上能投诉吗')
    expect(read('how long does zhiliang take')).toBe('how long does zhiliang take')
  })

  it('is read so when a question is prepared', () => {
    const { prepare } = questionsOver([], texts)
    expect(prepare('zhiliang月有啥活动').folded).toContain('质量月')
  })
})
