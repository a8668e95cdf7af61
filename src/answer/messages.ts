/** Fixed replies, in one place so that their wording can be reviewed by the bureau. */

const TO_CONSUMER_LINE =
  '如需进一步帮助：消费投诉或违法举报，请拨打 12315 或登录全国 12315 平台；其他问题可以点击“转人工”，或直接告诉我“转人工”，由工作人员为您解答。'
const TO_STAFF =
  '如需进一步帮助：认证、免办、计量检定、质量帮扶等办事问题，可以点击“转人工”，或直接告诉我“转人工”，由工作人员为您解答，也可以咨询所在地市场监管部门。'

// A consumer's dispute belongs to 12315; an enterprise's CCC or ISO question does not, even when it says
// "商家" or "消费品": only a complaint or report itself goes to 12315 then.
const COMPLAINT = /投诉|举报|维权|退货|退款|赔偿|12315/
const CONSUMER_MATTER = /消费|买到|买的|商家|假货|假冒|缺斤|短斤|少秤/
const SERVICE_MATTER = /认证|3c|ccc|iso|免办|免予办理|检定|强检|体系|许可|号令/

/** Where to turn when the documents do not answer: the route that fits the question asked. */
export const whereToTurn = (folded: string): string =>
  COMPLAINT.test(folded) || (CONSUMER_MATTER.test(folded) && !SERVICE_MATTER.test(folded)) ? TO_CONSUMER_LINE : TO_STAFF

export const notCovered = (folded: string): string =>
  `抱歉，现有资料没有涉及这个问题，为免误导，我不作推测。${whereToTurn(folded)}`

/** The documents speak of the matter asked about but never of the doing asked (撤回, 补发, 申诉). */
export const notNamedDoing = (doing: string, folded: string): string =>
  `抱歉，现有资料讲到了相关事项，但没有讲到“${doing}”，为免误导，我不作推测。${whereToTurn(folded)}`

export const notCoveredWithGap = (title: string, gap: string, folded: string): string =>
  `抱歉，这个问题超出了现有资料的范围。《${title}》中说明：${gap}\n${whereToTurn(folded)}`

/** The question names a document ("2024年…质量月") whose passages do not say what it asks: say which one is loaded. */
export const notInNamedDocument = (title: string, folded: string): string =>
  `抱歉，现有资料中与此相关的是《${title}》，其中没有涉及您问的内容，为免误导，我不作推测。${whereToTurn(folded)}`

/** The question asks about another place ("闵行区的质量月活动") than the loaded document is for: say which one it is. */
export const notForPlace = (title: string, place: string, folded: string): string =>
  `抱歉，现有资料中与此相关的是《${title}》，没有涉及${place}的情况，为免误导，我不作推测。${whereToTurn(folded)}`

/** After the asks the documents answer: the ones they do not, so the answer is not taken for the whole. */
export const partsNotCovered = (asks: string[]): string =>
  `关于“${asks.join('”“')}”，现有资料没有涉及，为免误导，我不作推测。`

// A summary's own note on what it holds, said in brackets.
const noteAside = (note: string | undefined): string =>
  note ? `（${note.replace(/^本文为/, '说明：本文为').replace(/。$/, '')}）` : ''

/** A named order's summary does not say what is asked: say what the summary holds, as for an article it leaves out. */
export const notInSummary = (title: string, note: string, folded: string): string =>
  `抱歉，资料中的《${title}》没有涉及您问的内容${noteAside(note)}。为免误导，我不作推测，请以官方发布的文本为准。\n${whereToTurn(folded)}`

export const articleNotCovered = (title: string, locator: string, note: string | undefined, folded: string): string =>
  `抱歉，资料中的《${title}》没有收录${locator}的内容${noteAside(note)}。为免误导，我不作推测，请以官方发布的文本为准。\n${whereToTurn(folded)}`

export const OUT_OF_SCOPE =
  '抱歉，这个请求不在本服务的范围内。我是浦东新区市场监管局质量基础设施“一站式”服务助手，可以解答强制性产品认证（3C）及免办、质量管理体系认证、计量器具强制检定、消费投诉举报、75号令和76号令（质量安全主体责任）以及“质量月”活动等问题，也可以帮您转人工或登记服务需求。'

export const GREETING =
  '您好！我是浦东新区质量基础设施“一站式”服务助手。您可以问我：3C认证免办怎么申请、电子秤要不要年检、75号令对企业有什么要求、怎样投诉举报等；需要上门检定、质量诊断或想找工作人员，也可以直接告诉我。'

export const THANKS = '不客气！还有其他问题可以随时问我。'

/** Said before the extractive answer when the model's streamed answer could not be used. */
export const MODEL_ANSWER_WITHDRAWN = '（模型生成的回答未能完成核对，以下改为资料原文摘录。）'

/** Said first when an English question could not be matched to the documents' words. */
export const ENGLISH_NOT_UNDERSTOOD =
  "Sorry, I could not match this question to the bureau's documents. In Chinese, or through the routes below:"

/** The one line in English before an answer quoted from the Chinese documents. */
export const ENGLISH_LEAD = "From the bureau's documents (quoted in Chinese, with the source named):"
