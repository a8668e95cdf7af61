import { maskName, maskPersonalData } from './mask.ts'
import { maskPhone } from './phone.ts'

/** What is known of one person: the values they gave, to be found again in free text. */
export type KnownPersonalData = {
  contactName?: string | null
  phone?: string | null
  companyName?: string | null
  address?: string | null
}

// A street address typed into free text: up to six characters of district or road name, then a road
// and its numbers (秀沿路888弄66号, 世纪大道100号). Erased only here, where the text is being retired.
const STREET_ADDRESS =
  /[\u4e00-\u9fff]{0,6}(?:路|街|大道|巷|弄)[0-9０-９]+(?:弄[0-9０-９]+)?(?:号|弄)?(?:[0-9０-９]+室)?/g

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A function that erases from free text what is known of the person (their name, phone, company
 * and address as they gave them, wherever staff or the chat repeated them) and street addresses,
 * then masks any other phone, ID-card number or e-mail address. Names and addresses cannot be recognised in free text in
 * general; the values the person gave can.
 */
export function scrubberFor(known: KnownPersonalData): (text: string) => string {
  const replacements: Array<[RegExp, string]> = []
  const add = (value: string | null | undefined, replacement: string) => {
    const trimmed = value?.trim()
    // One character would match everywhere (a surname alone is not worth it).
    if (trimmed && Array.from(trimmed).length >= 2)
      replacements.push([new RegExp(escapeRegExp(trimmed), 'g'), replacement])
  }
  // Longest first, so that an address containing the company's name is erased whole.
  add(known.address, '（地址已清除）')
  add(known.companyName, '（单位已清除）')
  add(known.contactName, known.contactName ? maskName(known.contactName) : '')
  add(known.phone, known.phone ? maskPhone(known.phone) : '')
  replacements.sort(([a], [b]) => b.source.length - a.source.length)
  return (text) =>
    maskPersonalData(
      replacements
        .reduce((result, [pattern, by]) => result.replace(pattern, by), text)
        .replace(STREET_ADDRESS, '（地址已清除）'),
    )
}
