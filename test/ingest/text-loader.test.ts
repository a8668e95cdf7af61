import { describe, expect, it } from 'vitest'
import { deriveTitle, loadTextDocument } from '../../ingest/loaders/text-loader.ts'

describe('deriveTitle', () => {
  it('takes the first sentence when it is short', () => {
    expect(deriveTitle('长谷川町子是日本最初的女性专业漫画家。代表作有《蝾螺小姐》等。')).toBe(
      '长谷川町子是日本最初的女性专业漫画家',
    )
  })

  it('cuts a long first sentence at a comma, marking the cut', () => {
    const line =
      '日本国铁211系电力动车组是日本国有铁道设计及制造的直流用近郊型电力动车组，于1985年投入服务，国铁民营化后由JR东日本继承。'
    expect(deriveTitle(line)).toBe('日本国铁211系电力动车组是日本国有铁道设计及制造的直流用近…')
    expect(deriveTitle('吕志兴，生于香港，香港职业足球运动员，司职防守中场，现时效力香港超级联赛球队。')).toBe(
      '吕志兴，生于香港，香港职业足球运动员，司职防守中场…',
    )
  })

  it('does not end a sentence inside a closing quote', () => {
    expect(deriveTitle('他说：“好。”然后走了。后来的事另说。')).toBe('他说：“好。”然后走了')
  })
})

describe('loadTextDocument', () => {
  it('keeps a short first line as the title', () => {
    expect(loadTextDocument('a', 'a.txt', 'txt', '马飚\n\n马飚，壮族。').title).toBe('马飚')
  })

  it('derives the title of a bare passage and keeps every line as body', () => {
    const doc = loadTextDocument(
      'b',
      'b.txt',
      'txt',
      '浦东新区位于上海市东部，是中国改革开放的前沿。面积约1210平方公里。',
    )
    expect(doc.title).toBe('浦东新区位于上海市东部，是中国改革开放的前沿')
    expect(doc.lines[0]?.text).toBe('浦东新区位于上海市东部，是中国改革开放的前沿。面积约1210平方公里。')
  })

  it('rejects an empty file with a message that says what to do', () => {
    expect(() => loadTextDocument('c', 'c.txt', 'txt', '\n  \n')).toThrow(/文件是空的/)
  })
})
