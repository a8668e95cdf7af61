/**
 * A question about a document's own issuance — when or by whom it was issued, published or put in force:
 * "纲要是哪个机关印发的", "75号令是由哪个单位发布的", "销售单位…规定啥时候生效的". The documents state it in the
 * passage on the document itself ("由中共中央、国务院印发", "于2023年4月4日公布，自2023年5月5日起施行"), not in
 * the passages that share the verb in another sense ("国新办发布会") or only the document's name.
 */

// Issuing a document, as the documents write it; not a press conference (发布会), nor issuing a certificate
// (颁发, 发证). Asked, also as people say it ("谁定的", "哪年发的", "啥时候出来的", "哪天开始执行": put in force, as 施行).
// Told of a text in general, it is also published in a paper or put out ("报纸全文刊登了条例", "于1998年推出").
const ISSUING = '(?:印发|发布(?!会)|公布|颁布|出台|下发|施行|生效|播发|刊登|发表|颁行|推出)'
// Spoken, issuing is only putting out ("哪年发的", "啥时候出来的"), said as well of anything made or set off ("谁提出的",
// "哪天做出来的", "从哪个港口出发的").
const PUT_OUT = '(?:出的|发的|出来的)'
const IN_FORCE = '开始(?:执行|实行)'
// …asked when or by whom: "什么时候印发", "哪个单位发布", "由谁颁布", "从哪天开始施行", "印发的时间".
const askedWith = (verbs: string) =>
  new RegExp(
    `(?:什么时候|啥时候|何时|哪年|哪一年|哪天|哪一天|几月|几号|哪个|哪家|谁)[^，,。？?]{0,8}?${verbs}|${ISSUING}的?(?:时间|日期|机关|单位|部门)`,
  )
const ISSUANCE_ASKED = askedWith(`(?:${ISSUING}|${PUT_OUT}|${IN_FORCE}|定的)`)
// A document named as one ("纲要", "实施方案", "75号令", "这个规定"): what is put out is then the document.
const DOCUMENT = '(?:纲要|方案|规定|办法|条例|号令|文件|通知|标准|法规|政策)'

/**
 * The issuance of a document asked: by a verb only a document takes ("纲要什么时候发布的", "哪年哪天对外公布的"), or by
 * putting out when a document is named ("纲要是谁发的？啥时候出来的"); not "检定周期是谁来定的", which a body deciding it
 * answers as well (answer-types.ts, DECIDER_TOLD), nor "大陆漂移说是谁提出的".
 */
export const DOCUMENT_ISSUANCE_ASKED = new RegExp(
  `${askedWith(`(?:${ISSUING}|${IN_FORCE})`).source}|(?<=${DOCUMENT}[^]*)(?:${askedWith(PUT_OUT).source})`,
)
// A passage telling an issuance: a date then the issuing ("2023年2月6日，新华社播发了", "于2023年4月4日公布", a
// plan's signature line "2023年 9月 11日印发"),
// or the issuer ("由中共中央、国务院印发", "由国家市场监督管理总局以总局令第75号形式…公布").
export const ISSUANCE_TOLD = new RegExp(
  `\\d{4}\\s*年\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?[^。；;]{0,24}?${ISSUING}|由[^，,。；;]{2,40}?${ISSUING}`,
)

/** The folded question asks when or by whom a document was issued or put in force. */
export const asksIssuance = (folded: string): boolean => ISSUANCE_ASKED.test(folded)

/** A folded passage tells when or by whom a document was issued or put in force. */
export const tellsIssuance = (folded: string): boolean => ISSUANCE_TOLD.test(folded)
