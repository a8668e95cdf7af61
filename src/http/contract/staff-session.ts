import { z } from 'zod'
import { STAFF_ROLES } from '../../tickets/model.ts'
import { isoDateTime } from './common.ts'

export const LoginBody = z.object({
  username: z.string().trim().min(1, { error: '请输入用户名' }).max(64),
  password: z.string().min(1, { error: '请输入密码' }).max(200),
})

/** Who is signed in; `csrfToken` is null when a bearer token (an integration) signed the request. */
export const SignedInStaff = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  username: z.string().nullable(),
  csrfToken: z.string().nullable(),
})

export const LoginResponse = SignedInStaff.extend({ expiresAt: isoDateTime })

export type StaffMember = z.output<typeof SignedInStaff>
