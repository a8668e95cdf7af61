import { z } from 'zod'
import type { CannedReply } from '../../tickets/canned-replies-repo.ts'
import { STAFF_ROLES } from '../../tickets/model.ts'
import { isoDateTime } from './common.ts'
import type { NoneUnnamed, Unnamed } from './unnamed-fields.ts'

/** Active staff, to pick whom a ticket goes to. */
export const MembersSchema = z.object({
  staff: z.array(z.object({ id: z.number().int(), name: z.string(), role: z.enum(STAFF_ROLES) })),
})

export const NoteAddedSchema = z.object({ noteId: z.number().int() })

export const CannedReplySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  createdBy: z.string(),
  createdAt: isoDateTime,
})

export const CannedRepliesSchema = z.object({ replies: z.array(CannedReplySchema) })
export const CannedReplyAddedSchema = z.object({ id: z.number().int() })

export type Members = z.output<typeof MembersSchema>
export type NoteAdded = z.output<typeof NoteAddedSchema>
export type CannedReplyAdded = z.output<typeof CannedReplyAddedSchema>
export type CannedReplyView = z.output<typeof CannedReplySchema>

type _EveryFieldNamed = NoneUnnamed<Unnamed<typeof CannedReplySchema, CannedReply>>
