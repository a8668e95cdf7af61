import { describe, expect, it } from 'vitest'
import {
  describeLocator,
  locateQuote,
  segmentAnswer,
  splitSection,
  withoutHeadingLine,
} from '../../src/web/answer-text.ts'
import { renderPage } from '../../src/web/build.ts'
import { describeDue, describeSpan, formatDateTime, formatIssued } from '../../src/web/format.ts'
import { createSseParser, type SseMessage } from '../../src/web/sse.ts'

describe('SSE parser', () => {
  const parse = (chunks: string[]) => {
    const messages: SseMessage[] = []
    const parser = createSseParser((message) => messages.push(message))
    for (const chunk of chunks) parser.push(chunk)
    parser.end()
    return messages
  }

  it('reads events split anywhere across chunks, even between CR and LF', () => {
    const stream = 'event: citations\r\ndata: {"citations":[]}\r\n\r\nevent: delta\r\ndata: {"text":"您好"}\r\n\r\n'
    const expected = [
      { event: 'citations', data: '{"citations":[]}' },
      { event: 'delta', data: '{"text":"您好"}' },
    ]
    for (let cut = 1; cut < stream.length; cut += 1) {
      expect(parse([stream.slice(0, cut), stream.slice(cut)]), `cut at ${cut}`).toEqual(expected)
    }
    expect(parse([...stream])).toEqual(expected)
  })

  it('joins multi-line data, skips comments, defaults the event name, and keeps a final event without its blank line', () => {
    expect(parse([': keep-alive\n\ndata: a\ndata: b\n\nevent: done\ndata:{"x":1}'])).toEqual([
      { event: 'message', data: 'a\nb' },
      { event: 'done', data: '{"x":1}' },
    ])
  })

  it('ignores an event with no data', () => {
    expect(parse(['event: delta\n\n'])).toEqual([])
  })
})

describe('answer text', () => {
  it('turns known [n] markers into citation segments and leaves unknown ones as text', () => {
    expect(segmentAnswer('见第一条[1]，另见[3]。[2]', new Set([1, 2]))).toEqual([
      { kind: 'text', text: '见第一条' },
      { kind: 'cite', n: 1 },
      { kind: 'text', text: '，另见[3]。' },
      { kind: 'cite', n: 2 },
    ])
    expect(segmentAnswer('没有出处', new Set())).toEqual([{ kind: 'text', text: '没有出处' }])
  })

  it('finds the quote in the passage, tolerating trimmed whitespace and a trailing ellipsis', () => {
    const content = '第一条 立法目的\n本条交代制定本规定的目的：督促生产单位。'
    const marked = (quote: string) => {
      const span = locateQuote(content, quote)
      return span && content.slice(span.start, span.end)
    }
    expect(locateQuote(content, '督促生产单位')).toEqual({ start: 22, end: 28 })
    expect(marked('  督促生产单位 ')).toBe('督促生产单位')
    expect(marked('制定本规定的目的……')).toBe('制定本规定的目的')
    expect(locateQuote(content, '不在其中')).toBeNull()
  })

  it('splits a section path and drops a repeated heading line', () => {
    expect(splitSection('三、活动内容 > （一）以质量宣传为主线 > 1．举办主题活动')).toEqual({
      heading: '1．举办主题活动',
      parents: ['三、活动内容', '（一）以质量宣传为主线'],
    })
    expect(withoutHeadingLine('第二条 适用范围\n本规定适用于……', '第二条 适用范围')).toBe('本规定适用于……')
    expect(withoutHeadingLine('第二条 适用范围', '第二条 适用范围')).toBe('第二条 适用范围')
    expect(describeLocator('第三条', 2)).toBe('第三条 · 第 2 页')
    expect(describeLocator('五、', null)).toBe('')
  })
})

describe('times', () => {
  it('shows Shanghai time whatever the machine zone', () => {
    expect(formatDateTime('2026-11-25T09:00:00.000Z')).toBe('2026年11月25日 17:00')
    expect(formatIssued('2023-04-04')).toBe('2023年4月4日')
    expect(formatIssued('2023')).toBe('2023')
  })

  it('counts down to a deadline, pausing while waiting for the requester', () => {
    const now = new Date('2026-11-25T02:00:00Z')
    expect(describeDue('2026-11-28T05:30:00Z', 'claimed', now)).toEqual({ text: '剩 3 天 3 小时', tone: 'ok' })
    expect(describeDue('2026-11-25T04:30:00Z', 'new', now)).toEqual({ text: '剩 2 小时 30 分', tone: 'soon' })
    expect(describeDue('2026-11-25T01:00:00Z', 'new', now)).toEqual({ text: '已超时 1 小时 0 分', tone: 'overdue' })
    expect(describeDue('2026-11-25T01:00:00Z', 'waiting_user', now).tone).toBe('paused')
    expect(describeDue('2026-11-25T01:00:00Z', 'resolved', now).text).toBe('已办结')
    expect(describeSpan(20_000)).toBe('1 分钟')
  })
})

describe('page shells', () => {
  it('inlines the shared head, header and footer and marks the current page in the nav', () => {
    const html = renderPage('<head><!--#head--></head><body><!--#header lookup--><!--#footer--></body>', {
      head: '<meta charset="utf-8">',
      header: '<a href="/" data-nav="chat">问答</a><a href="/lookup" data-nav="lookup">查询</a>',
      footer: '<footer></footer>',
    })
    expect(html).toBe(
      '<head><meta charset="utf-8"></head><body><a href="/" data-nav="chat">问答</a><a href="/lookup" data-nav="lookup" aria-current="page">查询</a><footer></footer></body>',
    )
  })
})
