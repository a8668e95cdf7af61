import { describe, expect, it } from 'vitest'
import { parseInline, parseMarkdown, splitRow } from '../../src/web/markdown.ts'

const cited = new Set([1, 2])

describe('parseInline', () => {
  it('keeps bold, text and known citation markers apart', () => {
    expect(parseInline('**办理时限**：7个工作日[1]，见[9]', cited)).toEqual([
      { kind: 'strong', text: '办理时限' },
      { kind: 'text', text: '：7个工作日' },
      { kind: 'cite', n: 1 },
      { kind: 'text', text: '，见[9]' },
    ])
  })

  it('leaves an unclosed ** as text (a stream may cut it off)', () => {
    expect(parseInline('**办理', cited)).toEqual([{ kind: 'text', text: '**办理' }])
  })

  it('never reads markup: tags are text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>', cited)).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)>' },
    ])
  })
})

describe('parseMarkdown', () => {
  it('reads bullet and numbered lists, keeping where the numbering starts', () => {
    const blocks = parseMarkdown('可以申请的情形：\n1. 科研、测试[1]\n2. 维修\n\n另外：\n- 展示[2]\n- 出口', cited)
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'list', 'paragraph', 'list'])
    expect(blocks[1]).toMatchObject({ ordered: true, start: 1 })
    expect(blocks[1]?.kind === 'list' && blocks[1].items[0]).toEqual([
      { kind: 'text', text: '科研、测试' },
      { kind: 'cite', n: 1 },
    ])
    expect(blocks[3]).toMatchObject({ ordered: false, items: [[{ text: '展示' }, { n: 2 }], [{ text: '出口' }]] })
    expect(parseMarkdown('4. 第四步\n5. 第五步', cited)[0]).toMatchObject({ kind: 'list', start: 4 })
  })

  it('joins an indented continuation line to its list item', () => {
    expect(parseMarkdown('- 第一项\n  接着说\n- 第二项', cited)[0]).toMatchObject({
      items: [[{ text: '第一项\n接着说' }], [{ text: '第二项' }]],
    })
  })

  it('reads a table with its header, and markers after the last pipe join the last cell', () => {
    const [table] = parseMarkdown('| | 投诉 | 举报 |\n|---|:--:|---|\n| 实名 | 需要 | 可匿名 |[1]', cited)
    expect(table).toEqual({
      kind: 'table',
      header: [[], [{ kind: 'text', text: '投诉' }], [{ kind: 'text', text: '举报' }]],
      rows: [
        [
          [{ kind: 'text', text: '实名' }],
          [{ kind: 'text', text: '需要' }],
          [
            { kind: 'text', text: '可匿名' },
            { kind: 'cite', n: 1 },
          ],
        ],
      ],
    })
  })

  it('takes a first row with an empty corner cell as the header when there is no delimiter row', () => {
    const [table] = parseMarkdown('| | 投诉 | 举报 |\n| 谁可以提 | 消费者 | 任何人 |', cited)
    expect(table).toMatchObject({
      header: [[], [{ text: '投诉' }], [{ text: '举报' }]],
      rows: [[[{ text: '谁可以提' }], [{ text: '消费者' }], [{ text: '任何人' }]]],
    })
    const [plain] = parseMarkdown('| 谁可以提 | 消费者 |\n| 针对什么 | 争议 |', cited)
    expect(plain).toMatchObject({ header: null })
    expect(plain?.kind === 'table' && plain.rows).toHaveLength(2)
  })

  it('splits cells on unescaped pipes only', () => {
    expect(splitRow('| a \\| b | c |')).toEqual(['a | b', 'c'])
  })

  it('keeps a paragraph’s lines and ends it at a list or table', () => {
    const blocks = parseMarkdown('根据《指引》：\n第一句。\n| a | b |\n正文', cited)
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'table', 'paragraph'])
    expect(blocks[0]).toMatchObject({ lines: [[{ text: '根据《指引》：' }], [{ text: '第一句。' }]] })
  })

  it('shows a half-streamed table row as text until its closing pipe arrives', () => {
    expect(parseMarkdown('| 谁可以提 | 消费', cited)[0]).toMatchObject({ kind: 'paragraph' })
  })

  it('does not take numbers, dates or Chinese numbering for list markers', () => {
    for (const text of ['2023年 9月 11日', '1．科研、测试', '12315热线']) {
      expect(parseMarkdown(text, cited)[0]?.kind, text).toBe('paragraph')
    }
  })
})
