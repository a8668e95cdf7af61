import { describe, expect, it } from 'vitest'
import { chunkDocument, MAX_CHUNK_CHARS, splitLongText } from '../../ingest/chunk.ts'
import { loadDocument } from '../../ingest/loaders/index.ts'
import { normaliseLines } from '../../ingest/normalise.ts'
import type { SourceDocument } from '../../ingest/types.ts'

async function chunksOf(path: string) {
  const doc = await loadDocument(path)
  return chunkDocument({ ...doc, lines: normaliseLines(doc.lines, doc.format) })
}

const textDoc = (text: string, format: 'md' | 'txt' = 'txt'): SourceDocument => ({
  id: 'sample',
  path: 'sample.txt',
  format,
  title: '示例',
  meta: {},
  lines: normaliseLines(
    text.split('\n').map((line) => ({ text: line })),
    format,
  ),
})

describe('chunking the knowledge folder', () => {
  it('keeps every article of order No. 75 whole, with its article number', async () => {
    const chunks = await chunksOf('knowledge/samr-order-75.md')
    const articles = chunks.filter((chunk) => chunk.locator?.startsWith('第'))
    expect(articles.map((chunk) => chunk.locator)).toEqual(['第一条', '第二条', '第三条', '第四条'])
    const third = articles.find((chunk) => chunk.locator === '第三条')
    expect(third?.section).toBe('第三条 管理制度与人员配备')
    expect(third?.content).toContain('生产单位负有三项基础义务')
    expect(third?.content).toContain('协助主要负责人开展产品质量安全管理工作')
  })

  it('gives item 6 of the campaign plan its full heading path and item locator', async () => {
    const chunks = await chunksOf('knowledge/pudong-quality-month-2023.txt')
    const item6 = chunks.find((chunk) => chunk.locator === '三、（二）6．')
    expect(item6?.section).toBe(
      '三、活动内容 > （二）以质量合作为载体，促进战略产业加速发展 > 6．释放免予办理强制性产品认证管理措施政策红利',
    )
    expect(item6?.content).toContain('集成电路、生物制药、智能制造、航空航天')
    // Wrapped lines are joined: the sentence that crosses a line break in the source is whole.
    expect(item6?.content).toContain('战略产业研发制造企业纳入便捷通道使用范围')
  })

  it('keeps the notice header and the closing requirements of the plan as chunks', async () => {
    const chunks = await chunksOf('knowledge/pudong-quality-month-2023.txt')
    const header = chunks.find((chunk) => chunk.section === '通知')
    expect(header?.content).toContain('浦市监质〔2023〕191号')
    expect(header?.content).toContain('浦东新区质量工作领导小组办公室')
    expect(header?.content).toMatch(/2023年\s*9月\s*11日/)
    const closing = chunks.find((chunk) => chunk.section.startsWith('四、活动要求 > （三）'))
    expect(closing?.content).toMatch(/9 月 30 日前报送/)
    expect(closing?.content).toContain('zlc@pudong.gov.cn')
    expect(chunks.some((chunk) => chunk.content.includes('— 9 —'))).toBe(false)
  })

  it('nests Markdown headings and numbered sub-headings into the section path', async () => {
    const chunks = await chunksOf('knowledge/ccc-exemption.md')
    expect(chunks.map((chunk) => chunk.section)).toContain(
      '三、哪些情形可以申请免办 > （一）《强制性产品认证管理规定》列举的情形',
    )
    expect(chunks.every((chunk) => !chunk.content.includes('**'))).toBe(true)
  })
})

describe('structure recognition', () => {
  it('recognises chapters, articles with bodies and 之一 articles', () => {
    const chunks = chunkDocument(
      textDoc(
        [
          '第一章　总则',
          '第一条　为了规范管理，制定本办法。',
          '第二条　本办法适用于本市。',
          '第二条之一　新增的条款内容。',
          '第二章　监督',
          '第三条　监督部门应当依法检查。',
        ].join('\n'),
      ),
    )
    expect(chunks.map((chunk) => [chunk.section, chunk.locator])).toEqual([
      ['第一章 总则 > 第一条', '第一条'],
      ['第一章 总则 > 第二条', '第二条'],
      ['第一章 总则 > 第二条之一', '第二条之一'],
      ['第二章 监督 > 第三条', '第三条'],
    ])
  })

  it('nests 一、（一）1．（1） numbering', () => {
    const chunks = chunkDocument(
      textDoc(
        ['一、总体要求', '（一）目标', '1．第一项。内容甲。', '（1）细项。内容乙。', '二、保障', '正文丙。'].join('\n'),
      ),
    )
    expect(chunks.map((chunk) => chunk.locator)).toEqual(['一、（一）1．', '一、（一）1．（1）', '二、'])
    expect(chunks[1]?.section).toBe('一、总体要求 > （一）目标 > 1．第一项 > （1）细项')
  })
})

describe('normalisation', () => {
  it('drops page markers, unifies full-width digits and joins lines wrapped mid-sentence', () => {
    const wide = '这是一段很长的正文内容需要换行显示这是一段很长的正文内容需'
    const doc = textDoc([`${wide}`, '', '要继续。', '— 9 —', '第２条内容。'].join('\n'))
    expect(doc.lines.map((line) => line.text)).toEqual([`${wide}要继续。`, '第2条内容。'])
  })
})

describe('splitting long sections', () => {
  it('splits on sentence boundaries with one sentence of overlap and never exceeds the limit much', () => {
    const sentence = '这是一句用于测试切分的完整句子，长度适中。'
    const text = sentence.repeat(80)
    const parts = splitLongText(text)
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS + sentence.length)
      expect(part.endsWith('。')).toBe(true)
    }
    expect(parts[1]?.startsWith(sentence)).toBe(true)
  })

  it('moves a line begun near the end of a part whole to the next one', () => {
    const filler = `- ${'这一项的内容写得比较长，用来把片段填到一半以上。'.repeat(28)}`
    const item = '- 便捷通道是什么：先说一句背景。再说它是什么：为白名单企业开设的通道。'
    const parts = splitLongText(`${filler}\n${item}\n- ${'后面还有别的条目内容。'.repeat(30)}`)
    expect(parts.length).toBeGreaterThan(1)
    // No part ends between the item's sentences: each part that begins it holds it whole.
    const holding = parts.filter((part) => part.includes('便捷通道是什么'))
    expect(holding.length).toBeGreaterThan(0)
    for (const part of holding) expect(part).toContain(item)
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS)
  })

  it('keeps the heading with the first part of a long section', () => {
    const body = '监督检查应当依法进行并记录结果。'.repeat(70)
    const chunks = chunkDocument(textDoc(`一、检查\n${body}`))
    expect(chunks.length).toBeGreaterThan(1)
    expect(chunks[0]?.content.startsWith('一、检查\n')).toBe(true)
    expect(new Set(chunks.map((chunk) => chunk.section))).toEqual(new Set(['一、检查']))
  })
})
