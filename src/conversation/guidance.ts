import type { TicketCategory } from '../routing/intents.ts'

/**
 * What the documents should be asked when someone reports a case or asks for a service and their
 * own words find no answer ("充电宝鼓包冒烟，商家不理我"): the guidance every such person needs.
 */
export const GUIDANCE_QUESTIONS: Record<TicketCategory, string | null> = {
  complaint: '消费投诉通过哪些渠道提出，需要准备哪些材料',
  metrology_onsite: '电子秤强制检定谁来申请，怎么申请',
  quality_diagnosis: '中小企业质量诊断和质量帮扶服务',
  ccc_exemption_help: '免予办理强制性产品认证怎样申请',
  certification_help: '中小企业质量管理体系认证获证的一般步骤',
  other: null,
}
