import { describe, expect, it } from 'vitest'
import { alternativeTextsOf } from '../../src/query/either-or.ts'

describe('the alternatives of an either/or', () => {
  it('reads the two alternatives, from the opening 是 or the clause before 还是', () => {
    expect(alternativeTextsOf('投诉交上去以后,是打电话通知我还是发短信')).toEqual(['打电话通知我', '发短信'])
    expect(alternativeTextsOf('他们怎么联系我,打电话还是发短信?')).toEqual(['打电话', '发短信'])
    expect(alternativeTextsOf('认证审核是只看材料,还是会派人到厂里来')).toEqual(['只看材料', '会派人到厂里来'])
  })

  it('takes 还是 as "still" when the question asks yes or no', () => {
    // 吗 and 吧 ask yes or no: the thing is still so, or not.
    expect(alternativeTextsOf('证书暂停了还是有效的吗')).toBeNull()
    expect(alternativeTextsOf('修好了那还是得去检吧')).toBeNull()
    // 还是 not in the last clause asks no either/or.
    expect(alternativeTextsOf('还是那台秤,多久检一次')).toBeNull()
    // A yes/no asked first, then its other side offered: the yes/no's answer settles it.
    expect(alternativeTextsOf('内审是必须做的吗,还是认证公司审就行')).toBeNull()
    expect(alternativeTextsOf('也能做9001吗还是只有大厂才行')).toBeNull()
  })
})
